package io.roomchat.resilience.fault;

import static io.roomchat.resilience.fault.StoreOutageScenarios.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.resilience.Eventually;
import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.protocol.RawWebSocket;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Clients that die in the middle of sending a frame — their socket reset or closed after part of a frame's header
 * or payload — while members of a room two honest clients chat in. The server must forget them, keep its
 * connection count right and go on delivering to everyone else.
 */
class KilledClientTest {
    /** Ways to stop part-way through a frame: each returns the bytes sent before the client dies. */
    private static final List<Function<byte[], byte[]>> HALF_FRAMES = List.of(
            frame -> Arrays.copyOf(frame, 1),                            // the first header byte only
            frame -> Arrays.copyOf(frame, 4),                            // the header, half the mask key
            frame -> Arrays.copyOf(frame, frame.length / 2),             // half the payload
            frame -> Arrays.copyOf(frame, frame.length - 1),             // all but the last byte
            frame -> concat(frame, Arrays.copyOf(frame, 3)));            // one whole frame, then a sliver of the next

    @Test
    void clients_killed_mid_frame_leave_the_server_healthy_counting_and_delivering() throws Exception {
        try (LiveServer server = LiveServer.start(Map.of())) {
            String room = "killed-" + UUID.randomUUID();
            try (WsTestClient alice = server.connect("alice"); WsTestClient bob = server.connect("bob")) {
                ok(alice.join(room, "Alice"));
                ok(bob.join(room, "Bob"));
                Eventually.equals(2, () -> server.health().connections(), "connections before");

                ExecutorService threads = Executors.newFixedThreadPool(10);
                List<Future<?>> doomed = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int variant = i;
                    doomed.add(threads.submit(() -> dieMidFrame(server, room, variant)));
                }
                for (Future<?> client : doomed) {
                    client.get(1, TimeUnit.MINUTES);
                }
                threads.shutdown();

                Eventually.equals(2, () -> server.health().connections(), "connections after 40 clients died");
                assertThat(server.health().isUp()).isTrue();
                JsonNode posted = ok(alice.post(room, "still here?"));
                // Nothing from the dead: the next event each honest client gets is this message.
                assertThat(alice.nextEvent().path("messageId")).isEqualTo(posted.path("messageId"));
                assertThat(bob.nextEvent().path("messageId")).isEqualTo(posted.path("messageId"));
                assertThat(alice.received()).allSatisfy(frame -> assertThat(frame.path("statusCode").asInt(200))
                        .isEqualTo(200));
            }
            Eventually.equals(0, () -> server.health().connections(), "connections at the end");
        }
    }

    /** Joins the room with a whole frame, then sends part of a frame and dies by reset or by close. */
    private static Void dieMidFrame(LiveServer server, String room, int variant) throws IOException {
        RawWebSocket raw = RawWebSocket.connect(server.webSocket(), LiveServer.tokenFor("doomed-" + variant));
        raw.sendText("{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Doomed\"}");
        assertThat(raw.readFrame().text()).contains("\"statusCode\":200");
        // A history read (padded by a field nobody reads): even sent whole, it makes no event for the others.
        byte[] frame = ("{\"action\":\"onHistory\",\"room\":\"" + room + "\",\"limit\":1,\"pad\":\""
                + "x".repeat(300) + "\"}").getBytes(StandardCharsets.UTF_8);
        raw.write(HALF_FRAMES.get(variant % HALF_FRAMES.size()).apply(RawWebSocket.frame(RawWebSocket.TEXT, frame)));
        if (variant % 2 == 0) {
            raw.abort();
        } else {
            raw.close();
        }
        return null;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        return both.toByteArray();
    }
}
