package io.roomchat.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.Announcement;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A room event on a bus between our own nodes or functions (SNS, Redis): not the client protocol. Every payload
 * has {@code "v":1} and a {@code kind}: {@code message} ({@code {"v":1,"kind":"message","message":{…}}}),
 * {@code presence}, {@code typing}, {@code read}, {@code kicked}; typing and read carry their {@code origin} connection. A payload
 * without {@code kind} is a message, as written before other kinds crossed the bus, so both readers work during a
 * rolling deploy: an older reader ignores {@code kind} and refuses the kinds it does not know (no
 * {@code message}). A new kind adds one case to {@link #encode} and one to {@link #decode}.
 */
final class BusEventJson {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BusEventJson() {
    }

    static String encode(Announcement announcement) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", VERSION);
        RoomEvent event = announcement.event();
        if (event instanceof RoomEvent.Message message) {
            root.put("kind", "message");
            writeMessage(root.putObject("message"), message.message());
            return root.toString();
        }
        root.put("room", event.room().value());
        if (event instanceof RoomEvent.Presence presence) {
            root.put("kind", "presence");
            root.put("event", presence.kind().name().toLowerCase(Locale.ROOT));
            root.put("userId", presence.userId().value());
            root.put("name", presence.name().value());
        } else if (event instanceof RoomEvent.Typing typing) {
            root.put("kind", "typing");
            root.put("userId", typing.userId().value());
            root.put("name", typing.name().value());
        } else if (event instanceof RoomEvent.Read read) {
            root.put("kind", "read");
            root.put("userId", read.userId().value());
            root.put("postedAt", read.postedAt().toString());
        } else if (event instanceof RoomEvent.Kicked kicked) {
            root.put("kind", "kicked");
            root.put("userId", kicked.userId().value());
            root.put("by", kicked.by().value());
        } else {
            throw new IllegalArgumentException("no bus shape for " + event.getClass().getSimpleName());
        }
        announcement.origin().ifPresent(origin -> root.put("origin", origin.value()));
        return root.toString();
    }

    /** @throws IllegalArgumentException when the text is not a payload of this version; the reason names no content */
    static Announcement decode(String text) {
        JsonNode root = parse(text);
        if (root == null || root.path("v").asInt() != VERSION) {
            throw new IllegalArgumentException("payload is not version " + VERSION);
        }
        String kind = root.path("kind").asText("message");
        if (kind.equals("message")) {
            if (!root.path("message").isObject()) {
                throw new IllegalArgumentException("payload lacks message");
            }
            return Announcement.of(new RoomEvent.Message(readMessage(root.get("message"))));
        }
        try {
            RoomName room = new RoomName(required(root, "room"));
            UserId user = new UserId(required(root, "userId"));
            Optional<ConnectionId> origin = root.hasNonNull("origin")
                    ? Optional.of(new ConnectionId(required(root, "origin")))
                    : Optional.empty();
            RoomEvent event = switch (kind) {
                case "presence" -> new RoomEvent.Presence(room, presenceKind(required(root, "event")), user,
                        new DisplayName(required(root, "name")));
                case "typing" -> new RoomEvent.Typing(room, user, new DisplayName(required(root, "name")));
                case "read" -> new RoomEvent.Read(room, user, Instant.parse(required(root, "postedAt")));
                case "kicked" -> new RoomEvent.Kicked(room, user, new UserId(required(root, "by")));
                default -> throw new UnknownKind();
            };
            return new Announcement(event, origin);
        } catch (UnknownKind unknown) {
            throw new IllegalArgumentException("payload has an unknown kind");
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException("payload holds an invalid " + (kind.length() <= 16 ? kind : "event"));
        }
    }

    private static JsonNode parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("payload is not JSON");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not JSON");
        }
    }

    private static RoomEvent.Presence.Kind presenceKind(String event) {
        return switch (event) {
            case "join" -> RoomEvent.Presence.Kind.JOIN;
            case "leave" -> RoomEvent.Presence.Kind.LEAVE;
            default -> throw new IllegalArgumentException("event");
        };
    }

    private static void writeMessage(ObjectNode m, ChatMessage message) {
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
    }

    private static ChatMessage readMessage(JsonNode m) {
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

    /** A kind this reader does not know (a newer node's): refused by name, not as invalid. */
    private static final class UnknownKind extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownKind() {
            super(null, null, false, false);
        }
    }
}
