package io.roomchat.resilience.fault;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.resilience.Eventually;
import io.roomchat.resilience.FullHistory;
import io.roomchat.resilience.LiveServer;
import io.roomchat.resilience.ServerProcess;
import io.roomchat.testkit.protocol.WsTestClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 server killed (SIGKILL, in its own JVM) while clients post and edit, then started again on the same data
 * directory: every message and edit it acknowledged is in the history; what it never acknowledged may or may not be.
 */
class CrashRestartTest {
    private static final int POSTERS = 6;
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 100;
    private static final String ROOM = "crash-room";

    @TempDir
    Path dataDir;

    private final AtomicInteger acknowledged = new AtomicInteger();
    /** Acknowledged posts by message id, each with the texts it may hold after the crash. */
    private final Map<String, Texts> messages = new ConcurrentHashMap<>();
    private final Set<String> sentTexts = ConcurrentHashMap.newKeySet();

    @Test
    void a_server_killed_mid_traffic_keeps_every_acknowledged_message_and_edit() throws Exception {
        Map<String, String> settings = LiveServer.environment(Map.of("CHAT_STORE", "h2",
                "CHAT_DATA_DIR", dataDir.toString()));
        long start = System.nanoTime();
        ServerProcess first = ServerProcess.start(settings);
        System.out.printf("crash: first server up after %d ms%n", (System.nanoTime() - start) / 1_000_000);
        ExecutorService threads = Executors.newFixedThreadPool(POSTERS);
        List<Future<?>> posters = new ArrayList<>();
        for (int p = 0; p < POSTERS; p++) {
            String user = "poster-" + p;
            WsTestClient client = WsTestClient.connect(first.webSocket(), LiveServer.tokenFor(user));
            assertThat(client.join(ROOM, user).path("statusCode").asInt()).isEqualTo(200);
            posters.add(threads.submit(() -> postUntilTheServerDies(client, user)));
        }
        while (acknowledged.get() < ACKNOWLEDGED_BEFORE_THE_KILL) {
            Eventually.sleep(10);
        }
        first.kill();
        System.out.printf("crash: killed after %d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (Future<?> poster : posters) {
            poster.get(2, TimeUnit.MINUTES);
        }
        threads.shutdown();

        try (ServerProcess second = ServerProcess.start(settings);
             WsTestClient reader = WsTestClient.connect(second.webSocket(), LiveServer.tokenFor("reader"))) {
            System.out.printf("crash: second server up after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            reader.join(ROOM, "Reader");
            List<JsonNode> history = FullHistory.of(reader, ROOM);
            Map<String, JsonNode> byId = history.stream()
                    .collect(Collectors.toMap(m -> m.path("messageId").asText(), m -> m));
            assertThat(byId).as("no message twice").hasSameSizeAs(history);
            messages.forEach((id, texts) -> {
                assertThat(byId).as("acknowledged message %s", id).containsKey(id);
                assertThat(texts.possible).as("text of %s", id).contains(byId.get(id).path("message").asText());
            });
            assertThat(history).allSatisfy(message -> assertThat(sentTexts).contains(
                    message.path("message").asText()));
            System.out.printf("crash: %d messages acknowledged before the kill, %d in history after the restart%n",
                    messages.size(), history.size());
        }
    }

    /** Posts, and edits every fifth of its messages, one request at a time until the connection breaks. */
    private Void postUntilTheServerDies(WsTestClient client, String user) {
        List<String> mine = new ArrayList<>();
        for (int n = 1; ; n++) {
            if (n % 5 == 0 && !mine.isEmpty()) {
                String id = mine.get(n % mine.size());
                String text = user + " edit " + n;
                Texts texts = messages.get(id);
                texts.sent(text);
                sentTexts.add(text);
                Optional<JsonNode> reply = request(client, frame("onMessage").put("room", ROOM).put("messageId", id)
                        .put("message", text));
                if (reply.isEmpty()) {
                    return null;
                }
                texts.acknowledged(text);
            } else {
                String text = user + " says " + n;
                sentTexts.add(text);
                Optional<JsonNode> reply = request(client, frame("onMessage").put("room", ROOM).put("message", text));
                if (reply.isEmpty()) {
                    return null;
                }
                String id = reply.get().path("messageId").asText();
                messages.put(id, new Texts(text));
                mine.add(id);
                acknowledged.incrementAndGet();
            }
            Eventually.sleep(105);
        }
    }

    /** The 200 reply to {@code frame}, or empty once the server is gone. */
    private static Optional<JsonNode> request(WsTestClient client, ObjectNode frame) {
        String requestId;
        try {
            requestId = client.sendWithRequestId(frame);
        } catch (AssertionError closed) {
            return Optional.empty();
        }
        while (true) {
            for (JsonNode received : client.received()) {
                if (requestId.equals(received.path("requestId").asText(null))) {
                    assertThat(received.path("statusCode").asInt()).as("reply %s", received).isEqualTo(200);
                    return Optional.of(received);
                }
            }
            if (client.isClosedByServer()) {
                return Optional.empty();
            }
            Eventually.sleep(5);
        }
    }

    /** What a message may read after the crash: its last acknowledged text, or one sent after that. */
    private static final class Texts {
        final Set<String> possible = ConcurrentHashMap.newKeySet();

        Texts(String posted) {
            possible.add(posted);
        }

        void sent(String text) {
            possible.add(text);
        }

        void acknowledged(String text) {
            possible.clear();
            possible.add(text);
        }
    }
}
