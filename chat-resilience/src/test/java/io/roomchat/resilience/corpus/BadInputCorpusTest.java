package io.roomchat.resilience.corpus;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.resilience.Eventually;
import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.protocol.RawWebSocket;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Plays the bad-input corpus ({@code corpus/frames.jsonl}, {@code corpus/tokens.jsonl}) against one server while two
 * honest clients chat in their own room: every frame gets the reply or close code its line names, every token the
 * HTTP status; afterwards the honest clients saw nothing wrong and the server is healthy.
 *
 * <p>Frames expecting a reply go one after another on one hostile connection, paced under the frame budget (10/s),
 * which proves after each that the connection is still usable; frames expecting a close each get a fresh connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(115);
    private static final int MAX_BODY_CHARS = 200;

    private final List<JsonNode> frames = Corpus.read("frames.jsonl");
    private final List<JsonNode> tokens = Corpus.read("tokens.jsonl");
    private LiveServer server;
    private HonestPair honest;
    private WsTestClient mallory;
    private WsTestClient trent;
    private Placeholders placeholders;
    private int malloryRequests;
    private long lastSent;

    @BeforeAll
    void startServerAndChat() {
        server = LiveServer.start(Map.of());
        // 15 characters, so the 32 KiB boundary cases come out exact.
        String room = "corpus-" + UUID.randomUUID().toString().substring(0, 8);
        String honestRoom = "honest-" + UUID.randomUUID().toString().substring(0, 8);
        honest = new HonestPair(server, honestRoom);
        trent = server.connect("trent");
        ok(trent.join(room, "Trent"));
        JsonNode foreign = ok(trent.post(room, "trent's own words"));
        mallory = server.connect("mallory");
        ok(mallory.join(room, "Mallory"));
        JsonNode own = ok(mallory.post(room, "mallory's first"));
        JsonNode spare = ok(mallory.post(room, "mallory's second"));
        JsonNode deleted = ok(mallory.post(room, "mallory's third"));
        ok(mallory.request(frame("onMessage").put("room", room).put("messageId", deleted.path("messageId").asText())
                .put("isDeleted", true)));
        malloryRequests = 5;
        placeholders = new Placeholders(Map.of(
                "room", room, "honestRoom", honestRoom, "userId", "mallory",
                "foreignPostedAt", foreign.path("postedAt").asText(),
                "foreignMessageId", foreign.path("messageId").asText(),
                "ownPostedAt", own.path("postedAt").asText(), "ownMessageId", own.path("messageId").asText(),
                "spareOwnPostedAt", spare.path("postedAt").asText(),
                "deletedMessageId", deleted.path("messageId").asText(),
                "valid", LiveServer.tokenFor("mallory")));
    }

    @AfterAll
    void stopServer() {
        honest.close();
        mallory.close();
        trent.close();
        server.close();
    }

    @Test
    @Order(0)
    void the_corpus_holds_at_least_50_hostile_frames_and_15_bad_tokens_besides_positive_controls() {
        assertThat(frames.stream().filter(c -> c.path("expect").path("status").asInt() != 200)).hasSizeGreaterThanOrEqualTo(50);
        assertThat(tokens.stream().filter(c -> c.path("expect").asInt() != 101)).hasSizeGreaterThanOrEqualTo(15);
        assertThat(frames.stream().filter(c -> c.path("expect").path("status").asInt() == 200)).isNotEmpty();
        assertThat(tokens.stream().filter(c -> c.path("expect").asInt() == 101)).isNotEmpty();
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> every_frame_gets_the_reply_or_close_code_its_line_names() {
        return frames.stream().map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> play(c)));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> every_token_gets_the_upgrade_status_its_line_names() {
        TokenForge forge = new TokenForge(LiveServer.SECRET, placeholders);
        return tokens.stream().map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> {
            upgrade(c, c.has("raw") || c.has("header") ? forge.forge(c) : null);
        }));
    }

    @Test
    @Order(3)
    void afterwards_the_honest_clients_saw_nothing_wrong_and_the_server_is_healthy() throws InterruptedException {
        honest.stopAndCheck();
        JsonNode reply = request(frame("onHistory").put("room", placeholders.fill("${room}")).put("limit", 1));
        assertThat(reply.path("statusCode").asInt()).isEqualTo(200);
        assertThat(mallory.isClosedByServer()).as("the hostile connection survived every rejected frame").isFalse();
        assertThat(mallory.received().stream().filter(f -> f.has("statusCode"))).hasSize(malloryRequests);
        assertThat(server.health().isUp()).isTrue();
        Eventually.equals(4, () -> server.health().connections(), "connections: the honest pair, trent, mallory");
    }

    private void play(JsonNode c) throws Exception {
        JsonNode expect = c.path("expect");
        if (expect.has("close")) {
            assertThat(closeCodeFor(c)).as("close code for %s", described(c))
                    .isEqualTo(expect.path("close").asInt());
            return;
        }
        JsonNode reply;
        if (c.has("binaryHex")) {
            pace();
            malloryRequests++;
            mallory.sendBinary(HexFormat.of().parseHex(c.path("binaryHex").asText()));
            reply = mallory.nextReply();
        } else {
            pace();
            malloryRequests++;
            mallory.sendText(placeholders.fill(c.path("text").asText()));
            reply = mallory.nextReply();
        }
        checkReply(c, reply);
    }

    private void checkReply(JsonNode c, JsonNode reply) {
        JsonNode expect = c.path("expect");
        String body = reply.path("body").asText();
        assertThat(reply.path("statusCode").asInt()).as("status for %s: %s", described(c), reply)
                .isEqualTo(expect.path("status").asInt());
        if (expect.path("status").asInt() == 200) {
            assertThat(body).isEmpty();
        } else {
            assertThat(body).as("body naming what was wrong").startsWith(expect.path("body").asText());
        }
        if (expect.has("requestId")) {
            assertThat(reply.path("requestId").asText()).isEqualTo(expect.path("requestId").asText());
        }
        assertThat(body.length()).as("a short body").isLessThanOrEqualTo(MAX_BODY_CHARS);
        assertThat(body.codePoints().noneMatch(Character::isISOControl)).as("no control characters in %s", body)
                .isTrue();
    }

    /** Plays a frame that must close its connection, on a connection of its own; the code it closed with. */
    private int closeCodeFor(JsonNode c) throws IOException, InterruptedException {
        if (c.has("raw")) {
            try (RawWebSocket raw = RawWebSocket.connect(server.webSocket(), LiveServer.tokenFor("mallory"))) {
                for (JsonNode frame = c.path("raw"); !frame.isMissingNode(); frame = frame.path("then")) {
                    raw.write(rawFrame(frame));
                }
                return raw.awaitCloseCode(CLOSE_WAIT).orElse(-1);
            }
        }
        WsTestClient client = server.connect("mallory");
        try {
            if (c.has("fragments")) {
                List<String> parts = Corpus.JSON.convertValue(c.path("fragments"),
                        Corpus.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
                for (int i = 0; i < parts.size(); i++) {
                    client.socket().sendText(placeholders.fill(parts.get(i)), i == parts.size() - 1)
                            .get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } else if (c.has("binarySize")) {
                client.sendBinary(new byte[c.path("binarySize").asInt()]);
            } else {
                client.sendText(placeholders.fill(c.path("text").asText()));
            }
        } catch (AssertionError | ExecutionException | TimeoutException closedWhileSending) {
            // the server may close before the client has finished sending
        }
        return client.awaitClose(CLOSE_WAIT);
    }

    private byte[] rawFrame(JsonNode spec) {
        byte[] payload = spec.has("payloadHex")
                ? HexFormat.of().parseHex(spec.path("payloadHex").asText())
                : placeholders.fill(spec.path("payload").asText()).getBytes(StandardCharsets.UTF_8);
        long declared = spec.has("declaredLength") ? spec.path("declaredLength").asLong() : payload.length;
        return RawWebSocket.frame(spec.path("first").asInt(), payload, spec.path("masked").asBoolean(true), declared);
    }

    private void upgrade(JsonNode c, String token) {
        URI endpoint = server.webSocket();
        String via = c.path("via").asText("query");
        Map<String, String> headers = Map.of();
        URI uri = endpoint;
        switch (via) {
            case "query" -> uri = WsTestClient.withToken(endpoint, token);
            case "bearer" -> headers = Map.of("Authorization", "Bearer " + token);
            case "authorization" -> headers = Map.of("Authorization", c.path("authorization").asText());
            case "none" -> { }
            default -> throw new IllegalArgumentException("via " + via);
        }
        if (c.path("expect").asInt() == 101) {
            WsTestClient.connect(uri, headers).close();
        } else {
            assertThat(WsTestClient.refusedStatus(uri, headers)).as("upgrade status for %s", described(c))
                    .isEqualTo(c.path("expect").asInt());
        }
    }

    private JsonNode request(ObjectNode frame) {
        pace();
        malloryRequests++;
        return mallory.request(frame);
    }

    /** Keeps the hostile connection under its frame budget, so that every reply is the frame's own, not a 429. */
    private void pace() {
        long wait = lastSent + PACE_NANOS - System.nanoTime();
        if (wait > 0) {
            Eventually.sleep(TimeUnit.NANOSECONDS.toMillis(wait) + 1);
        }
        lastSent = System.nanoTime();
    }

    private static String described(JsonNode c) {
        return c.path("name").asText() + " (" + c.path("why").asText() + ")";
    }

    private static JsonNode ok(JsonNode reply) {
        assertThat(reply.path("statusCode").asInt()).as("reply %s", reply).isEqualTo(200);
        return reply;
    }
}
