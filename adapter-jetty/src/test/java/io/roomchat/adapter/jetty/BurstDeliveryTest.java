package io.roomchat.adapter.jetty;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.WsTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Frames that pile up for a connection are written in groups (small ones) and one by one (large ones); every
 * member still gets every event exactly once, in posting order, and every reply after the event it answers.
 */
class BurstDeliveryTest {
    private static final int POSTS = 300;

    @Test
    void a_burst_of_small_and_large_messages_reaches_every_member_complete_and_in_order() throws Exception {
        Limits limits = Limits.defaults().withFramesPerSecond(10_000, 10_000);
        try (JettyTestServer chat = JettyTestServer.start(limits);
             WsTestClient sender = chat.connect("burst-sender");
             WsTestClient reader = chat.connect("burst-reader")) {
            String room = "room-burst";
            JsonAssert.ok(sender.join(room, "Sender"));
            JsonAssert.ok(reader.join(room, "Reader"));
            List<String> texts = IntStream.range(0, POSTS)
                    .mapToObj(i -> (i % 7 == 0 ? "L".repeat(3_000) : "s") + "-" + i).toList();

            for (String text : texts) {
                sender.sendWithRequestId(frame("onMessage").put("room", room).put("message", text));
            }
            for (int i = 0; i < POSTS; i++) {
                JsonAssert.ok(sender.nextReply());
            }

            assertThat(messages(reader.nextEvents(POSTS))).containsExactlyElementsOf(texts);
            assertThat(messages(sender.nextEvents(POSTS))).containsExactlyElementsOf(texts);
        }
    }

    @Test
    void a_burst_into_a_room_of_several_writer_slices_reaches_every_member_complete_and_in_order() throws Exception {
        // More members than two writer slices: each post's fan-out is written by several writers at once, and
        // posts that arrive while a member's frames are being written go out in that member's next batch.
        int members = 140;
        int posts = 40;
        Limits limits = Limits.defaults().withFramesPerSecond(10_000, 10_000);
        String room = "room-wide";
        List<WsTestClient> clients = new ArrayList<>();
        try (JettyTestServer chat = JettyTestServer.start(limits)) {
            for (int i = 0; i < members; i++) {
                WsTestClient client = chat.connect("wide-" + i);
                clients.add(client);
                JsonAssert.ok(client.join(room, "Member " + i));
            }
            WsTestClient sender = clients.get(0);
            List<String> texts = IntStream.range(0, posts).mapToObj(i -> "wide-" + i).toList();

            for (String text : texts) {
                sender.sendWithRequestId(frame("onMessage").put("room", room).put("message", text));
            }
            for (int i = 0; i < posts; i++) {
                JsonAssert.ok(sender.nextReply());
            }

            for (WsTestClient member : clients) {
                assertThat(messages(member.nextEvents(posts))).containsExactlyElementsOf(texts);
            }
        } finally {
            clients.forEach(WsTestClient::close);
        }
    }

    private static List<String> messages(List<JsonNode> events) {
        List<String> texts = new ArrayList<>();
        events.forEach(event -> texts.add(event.path("message").asText()));
        return texts;
    }
}
