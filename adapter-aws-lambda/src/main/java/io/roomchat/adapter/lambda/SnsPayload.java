package io.roomchat.adapter.lambda;

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
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The body of one SNS notification: a stored message and, when known, the API Gateway callback endpoint its room's
 * connections are reached at. Versioned, so that a subscriber can refuse a payload it does not understand.
 * This is an internal format between two of our own functions, not the client protocol.
 */
final class SnsPayload {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnsPayload() {
    }

    /** A message published for fan-out, with the callback endpoint its publisher knew. */
    record Published(ChatMessage message, Optional<URI> callbackEndpoint) {
    }

    static String encode(ChatMessage message, Optional<URI> callbackEndpoint) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", VERSION);
        callbackEndpoint.ifPresent(uri -> root.put("endpoint", uri.toString()));
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
        return root.toString();
    }

    /** @throws IllegalArgumentException when the text is not a payload of this version; the reason names no content */
    static Published decode(String text) {
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
        ChatMessage message = new ChatMessage(
                new MessageId(required(m, "messageId")),
                new RoomName(required(m, "room")),
                new UserId(required(m, "userId")),
                new DisplayName(required(m, "name")),
                deleted ? null : new MessageText(required(m, "message")),
                Instant.parse(required(m, "postedAt")),
                Instant.parse(required(m, "modifiedAt")),
                deleted,
                // A publisher from before sequence numbers sends none: 0, as for a message never sequenced.
                m.path("seq").asLong(0));
        Optional<URI> endpoint = root.hasNonNull("endpoint")
                ? Optional.of(URI.create(root.get("endpoint").asText()))
                : Optional.empty();
        return new Published(message, endpoint);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("payload lacks " + field);
        }
        return value.asText();
    }
}
