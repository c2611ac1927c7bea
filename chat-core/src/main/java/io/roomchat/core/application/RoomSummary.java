package io.roomchat.core.application;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.core.port.out.RoomPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * What a v2 join answers: the room's latest {@code seq}, who is present, the caller's read position and the
 * messages of others after it, and whether the caller moderates the room (so a client can offer delete and kick).
 * Unread messages are counted in one history read of at most {@link #MAX_UNREAD}
 * messages (the oldest after the read position, or the newest when there is none), so a join costs the same
 * however far behind the user is (on DynamoDB one paged query).
 */
final class RoomSummary {
    static final int MAX_LISTED = 100;
    static final int MAX_UNREAD = 1_000;

    private final ConnectionStore connections;
    private final MessageStore messages;
    private final ReadPositions readPositions;
    private final RoomPolicy policy;

    RoomSummary(ConnectionStore connections, MessageStore messages, ReadPositions readPositions, RoomPolicy policy) {
        this.connections = connections;
        this.messages = messages;
        this.readPositions = readPositions;
        this.policy = policy;
    }

    Reply reply(Connection caller, RoomName room, long seq, Optional<Boolean> recovered) {
        Optional<Instant> lastRead = readPositions.position(caller.userId(), room);
        HistoryCursor unreadSide = lastRead.<HistoryCursor>map(HistoryCursor.After::new)
                .orElseGet(HistoryCursor::latest);
        int unread = (int) messages.page(room, unreadSide, MAX_UNREAD).messages().stream()
                .filter(message -> !message.deleted() && !message.isWrittenBy(caller.userId()))
                .count();
        return Reply.ok(new ReplyPayload.Joined(room, seq, connections.presence(room, MAX_LISTED), lastRead, unread,
                policy.moderates(caller.identity(), room), recovered));
    }
}
