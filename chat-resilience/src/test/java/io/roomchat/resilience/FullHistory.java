package io.roomchat.resilience;

import static io.roomchat.testkit.protocol.WsTestClient.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.testkit.protocol.WsTestClient;
import java.util.ArrayList;
import java.util.List;

/**
 * A room's whole history, oldest first, read the way a reconnecting client catches up: pages of 100 after a
 * cursor. The reader must have joined the room. A 429 (the frame budget spent) is waited out and retried.
 */
public final class FullHistory {
    private static final String BEGINNING = "1970-01-01T00:00:00.000Z";
    private static final int PAGE = 100;

    private FullHistory() {
    }

    public static List<JsonNode> of(WsTestClient reader, String room) {
        List<JsonNode> messages = new ArrayList<>();
        String after = BEGINNING;
        while (true) {
            JsonNode page = page(reader, frame("onHistory").put("room", room).put("after", after).put("limit", PAGE));
            page.path("messages").forEach(messages::add);
            if (!page.path("hasMore").asBoolean() || page.path("messages").isEmpty()) {
                return messages;
            }
            after = messages.get(messages.size() - 1).path("postedAt").asText();
        }
    }

    private static JsonNode page(WsTestClient reader, ObjectNode request) {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode reply = reader.request(request);
            int status = reply.path("statusCode").asInt();
            if (status == 200) {
                return reply;
            }
            if (status != 429) {
                throw new AssertionError("history read failed: " + reply);
            }
            Eventually.sleep(200);
        }
        throw new AssertionError("history read still rate limited after 100 tries");
    }
}
