package io.roomchat.resilience.corpus;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.resilience.Eventually;
import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two well-behaved clients chatting in their own room, taking turns, while hostile input flies past them; then a
 * check that each saw exactly its own replies (all 200) and every message of the chat, once, in order, and nothing
 * else.
 */
final class HonestPair implements AutoCloseable {
    private final String room;
    private final WsTestClient alice;
    private final WsTestClient bob;
    private final int[] requests = new int[2];
    private final List<JsonNode> acknowledged = new ArrayList<>();
    private final AtomicBoolean chatting = new AtomicBoolean(true);
    private final Thread chat;
    private volatile Throwable failure;

    HonestPair(LiveServer server, String room) {
        this.room = room;
        this.alice = server.connect("alice");
        this.bob = server.connect("bob");
        request(0, frame("onJoin").put("room", room).put("name", "Alice"));
        request(1, frame("onJoin").put("room", room).put("name", "Bob"));
        this.chat = new Thread(this::chat, "honest-pair");
        chat.start();
    }

    private void chat() {
        try {
            for (int turn = 0; chatting.get(); turn++) {
                int who = turn % 2;
                JsonNode reply = request(who, frame("onMessage").put("room", room).put("message", "honest #" + turn));
                acknowledged.add(reply);
                Eventually.sleep(250);
            }
        } catch (Throwable broken) {
            failure = broken;
        }
    }

    private JsonNode request(int who, ObjectNode frame) {
        requests[who]++;
        JsonNode reply = (who == 0 ? alice : bob).request(frame);
        assertThat(reply.path("statusCode").asInt()).as("honest reply %s", reply).isEqualTo(200);
        return reply;
    }

    /** Stops the chat and checks what each of the two received. */
    void stopAndCheck() throws InterruptedException {
        chatting.set(false);
        chat.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(failure).as("the honest chat went wrong").isNull();
        assertThat(acknowledged).as("the honest pair chatted").hasSizeGreaterThan(10);
        List<String> chat = acknowledged.stream().map(reply -> reply.path("messageId").asText()).toList();
        check(0, alice, chat);
        check(1, bob, chat);
    }

    private void check(int who, WsTestClient client, List<String> chat) {
        for (int i = 0; i < chat.size(); i++) {
            client.nextEvent();
        }
        // The reply to this read comes after anything the server sent before it: strays would show up below.
        request(who, frame("onHistory").put("room", room).put("limit", 1));
        List<String> events = new ArrayList<>();
        int replies = 0;
        for (JsonNode received : client.received()) {
            if (received.has("statusCode")) {
                replies++;
                assertThat(received.path("statusCode").asInt()).as("honest reply %s", received).isEqualTo(200);
            } else {
                assertThat(received.path("room").asText()).as("event %s", received).isEqualTo(room);
                events.add(received.path("messageId").asText());
            }
        }
        assertThat(replies).as("replies to the honest client's requests").isEqualTo(requests[who]);
        assertThat(events).as("the honest chat as one member saw it").containsExactlyElementsOf(chat);
        assertThat(client.isClosedByServer()).isFalse();
    }

    @Override
    public void close() {
        chatting.set(false);
        alice.close();
        bob.close();
    }
}
