package io.roomchat.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.time.Instant;

/**
 * A stored message on a bus between our own nodes or functions ({@code {"v":1,"message":{…}}}, the SNS payload's
 * shape without its endpoint): not the client protocol. Versioned, so that a reader can refuse what it does not
 * understand. {@code deletedBy} is there exactly when the message is deleted; a reader takes its absence on a deleted
 * message (a node of an older build) as deletion by the author.
 */
final class StoredMessageJson {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredMessageJson() {
    }

    static String encode(ChatMessage message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", VERSION);
        ObjectNode m = root.putObject("message");
        m.put("messageId", message.id().value());
        m.put("room", message.room().value());
        m.put("userId", message.author().value());
        m.put("name", message.authorName().value());
        if (message.text() != null) {
            m.put("message", message.text().value());
        }
        m.put("postedAt", message.postedAt().toString());
        m.put("modifiedAt", message.modifiedAt().toString());
        m.put("isDeleted", message.deleted());
        m.put("seq", message.seq());
        if (message.deletedBy() != null) {
            m.put("deletedBy", message.deletedBy().value());
        }
        return root.toString();
    }

    /** @throws IllegalArgumentException when the text is not a payload of this version; the reason names no content */
    static ChatMessage decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("payload is not JSON");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not JSON");
        }
        if (root == null || root.path("v").asInt() != VERSION || !root.path("message").isObject()) {
            throw new IllegalArgumentException("payload is not version " + VERSION);
        }
        JsonNode m = root.get("message");
        boolean deleted = m.path("isDeleted").asBoolean(false);
        try {
            UserId author = new UserId(required(m, "userId"));
            return new ChatMessage(
                    new MessageId(required(m, "messageId")),
                    new RoomName(required(m, "room")),
                    author,
                    new DisplayName(required(m, "name")),
                    deleted ? null : new MessageText(required(m, "message")),
                    Instant.parse(required(m, "postedAt")),
                    Instant.parse(required(m, "modifiedAt")),
                    deleted,
                    m.path("seq").asLong(0),
                    deleter(m, deleted, author));
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException("payload holds an invalid message");
        }
    }

    /** Who deleted it: a payload of a node from before deleters names none, and then only authors deleted. */
    private static UserId deleter(JsonNode m, boolean deleted, UserId author) {
        if (!m.has("deletedBy")) {
            return deleted ? author : null;
        }
        return new UserId(required(m, "deletedBy"));
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("payload lacks " + field);
        }
        return value.asText();
    }
}
