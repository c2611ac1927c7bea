package io.roomchat.core.domain;

import java.time.Instant;
import java.util.Objects;

/** Something that happened in a room, told to the connections in it. */
public sealed interface RoomEvent {

    RoomName room();

    /** A new, edited or deleted message: to every connection in its room, of every protocol. */
    record Message(ChatMessage message) implements RoomEvent {
        public Message {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RoomName room() {
            return message.room();
        }
    }

    /**
     * A user's first connection entered the room ({@link Kind#JOIN}) or its last one left it ({@link Kind#LEAVE}):
     * to v2 connections only, and only while the room is small enough ({@link Limits#presenceMaxUsers()}).
     */
    record Presence(RoomName room, Kind kind, UserId userId, DisplayName name) implements RoomEvent {
        public Presence {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(name, "name");
        }

        public enum Kind {
            JOIN,
            LEAVE
        }
    }

    /** A user is typing in the room: to the room's other v2 connections, never stored. */
    record Typing(RoomName room, UserId userId, DisplayName name) implements RoomEvent {
        public Typing {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A user's read position in the room moved forward to {@code postedAt}: to the room's other v2 connections. */
    record Read(RoomName room, UserId userId, Instant postedAt) implements RoomEvent {
        public Read {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(postedAt, "postedAt");
        }
    }

    /**
     * A moderator ({@code by}) removed {@code userId} from the room: to that user's connections in it, which then
     * leave it. A v2 connection receives it as an event; a v1 connection, which has no such event, is closed.
     */
    record Kicked(RoomName room, UserId userId, UserId by) implements RoomEvent {
        public Kicked {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(by, "by");
        }
    }
}
