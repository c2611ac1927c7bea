package io.roomchat.testkit;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.time.Instant;
import java.util.UUID;

/** Fresh, random test values: every test gets its own rooms and ids, so stores need no clean-up between tests. */
public final class Samples {
    /** A fixed, millisecond-precise base time for messages. */
    public static final Instant T0 = Instant.parse("2026-11-27T18:38:45.123Z");

    private Samples() {
    }

    public static RoomName room() {
        return new RoomName("room-" + UUID.randomUUID());
    }

    public static UserId user() {
        return new UserId("user-" + UUID.randomUUID());
    }

    public static ConnectionId connectionId() {
        return new ConnectionId("conn-" + UUID.randomUUID());
    }

    public static MessageId messageId() {
        return new MessageId(UUID.randomUUID().toString());
    }

    public static Connection connection(UserId user) {
        return Connection.opened(connectionId(), user, T0);
    }

    public static ChatMessage message(RoomName room, UserId author, Instant postedAt) {
        return message(room, author, postedAt, "hello at " + postedAt);
    }

    public static ChatMessage message(RoomName room, UserId author, Instant postedAt, String text) {
        return ChatMessage.posted(messageId(), room, author, new DisplayName("name of " + author.value().substring(0, 8)),
                new MessageText(text), postedAt);
    }
}
