package io.roomchat.adapter.jetty;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.WsTestClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Frame size (close 1009), binary frames (400) and the per-connection rate limit (429, still usable). */
class FrameLimitsTest {
    private static final int RATE = 5;
    private static JettyTestServer chat;

    @BeforeAll
    static void start() {
        chat = JettyTestServer.start(Limits.defaults().withFramesPerSecond(RATE, RATE));
    }

    @AfterAll
    static void stop() {
        chat.close();
    }

    @Test
    void a_text_frame_over_32_KiB_closes_the_connection_with_1009() {
        WsTestClient client = chat.connect("big-sender");
        JsonAssert.ok(client.join("room-big", "Big"));

        client.sendText("{\"action\":\"onMessage\",\"room\":\"room-big\",\"message\":\"" + "x".repeat(33 * 1024) + "\"}");

        assertThat(client.awaitClose(Duration.ofSeconds(5))).isEqualTo(1009);
    }

    @Test
    void a_frame_just_under_32_KiB_is_read_and_its_long_text_gets_413() {
        try (WsTestClient client = chat.connect("long-sender")) {
            JsonAssert.ok(client.join("room-long", "Long"));

            String text = "y".repeat(32 * 1024 - 100);
            client.sendText("{\"action\":\"onMessage\",\"room\":\"room-long\",\"message\":\"" + text + "\"}");

            JsonAssert.status(client.nextReply(), 413);
            JsonAssert.ok(client.join("room-long", "Long"));
        }
    }

    @Test
    void a_text_message_over_32_KiB_in_two_fragments_closes_the_connection_with_1009() {
        WsTestClient client = chat.connect("fragmented-big-sender");
        JsonAssert.ok(client.join("room-fragments", "Fragments"));

        client.socket().sendText("{\"action\":\"onMessage\",\"message\":\"" + "x".repeat(20 * 1024), false).join();
        client.socket().sendText("y".repeat(20 * 1024) + "\"}", true).join();

        assertThat(client.awaitClose(Duration.ofSeconds(5))).isEqualTo(1009);
    }

    @Test
    void text_messages_in_fragments_are_each_assembled_and_handled() {
        try (WsTestClient client = chat.connect("fragmented-sender")) {
            for (String room : new String[] {"room-pieces-1", "room-pieces-2"}) {
                client.socket().sendText("{\"action\":\"onJoin\",\"room\":\"" + room, false).join();
                client.socket().sendText("\",\"name\":\"Pieces\"}", true).join();

                JsonAssert.ok(client.nextReply());
            }
            JsonAssert.ok(client.join("room-pieces-3", "Whole"));
        }
    }

    @Test
    void a_binary_message_over_32_KiB_closes_the_connection_with_1009() {
        WsTestClient client = chat.connect("big-binary-sender");

        client.sendBinary(new byte[33 * 1024]);

        assertThat(client.awaitClose(Duration.ofSeconds(5))).isEqualTo(1009);
    }

    @Test
    void a_binary_message_in_fragments_gets_one_400_and_the_connection_stays_usable() {
        try (WsTestClient client = chat.connect("fragmented-binary-sender")) {
            client.socket().sendBinary(ByteBuffer.wrap(new byte[] {1, 2}), false).join();
            client.socket().sendBinary(ByteBuffer.wrap(new byte[] {3}), true).join();

            JsonAssert.status(client.nextReply(), 400);
            // A second 400 would be taken as the join's reply.
            JsonAssert.ok(client.join("room-binary-fragments", "Fragments"));
        }
    }

    @Test
    void a_binary_frame_gets_a_400_and_the_connection_stays_usable() {
        try (WsTestClient client = chat.connect("binary-sender")) {
            client.sendBinary(new byte[] {1, 2, 3});

            JsonNode reply = client.nextReply();
            JsonAssert.status(reply, 400);
            assertThat(reply.path("body").asText()).isEqualTo(io.roomchat.wire.FramePipeline.BINARY_REFUSED);
            JsonAssert.ok(client.join("room-binary", "Binary"));
        }
    }

    @Test
    void frames_over_the_rate_get_429_and_the_connection_stays_usable() throws InterruptedException {
        try (WsTestClient client = chat.connect("hasty")) {
            int sent = 3 * RATE;
            for (int i = 0; i < sent; i++) {
                client.sendWithRequestId(frame("onJoin").put("room", "room-rate").put("name", "Hasty"));
            }
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                statuses.add(client.nextReply().path("statusCode").asInt());
            }

            assertThat(statuses.subList(0, RATE)).containsOnly(200);
            assertThat(statuses).contains(429);
            assertThat(statuses).containsOnly(200, 429);
            Thread.sleep(1_100);
            JsonAssert.ok(client.join("room-rate", "Hasty"));
        }
    }
}
