package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.MarkReadCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.core.port.out.RoomEventPublisher;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code onRead}: the user's read position in a room moves to a stored message of that room, never back. When it
 * moves forward, it is published for the room's other v2 connections.
 */
final class MarkingRead {
    static final String NO_SUCH_MESSAGE = "postedAt: no such message in the room";

    private final RoomMembers members;
    private final MessageStore messages;
    private final ReadPositions readPositions;
    private final RoomEventPublisher publisher;

    MarkingRead(RoomMembers members, MessageStore messages, ReadPositions readPositions,
                RoomEventPublisher publisher) {
        this.members = members;
        this.messages = messages;
        this.readPositions = readPositions;
        this.publisher = publisher;
    }

    Reply read(ConnectionId caller, MarkReadCommand command) {
        var member = members.memberOf(caller, command.room());
        if (member.isEmpty()) {
            return RoomMembers.notJoined();
        }
        if (!isStored(command)) {
            return Reply.rejected(Status.NOT_FOUND, NO_SUCH_MESSAGE);
        }
        var user = member.get().userId();
        Optional<Instant> before = readPositions.position(user, command.room());
        Instant now = readPositions.advance(user, command.room(), command.postedAt());
        boolean movedHere = now.equals(command.postedAt()) && before.map(now::isAfter).orElse(true);
        if (movedHere) {
            publisher.publish(Announcement.from(caller, new RoomEvent.Read(command.room(), user, now)));
        }
        return Reply.ok(new ReplyPayload.ReadUpTo(command.room(), now));
    }

    /** The newest message at or before {@code postedAt} is the one posted then, or there is none. */
    private boolean isStored(MarkReadCommand command) {
        List<ChatMessage> atOrBefore = messages.page(command.room(),
                new HistoryCursor.Before(command.postedAt().plusMillis(1)), 1).messages();
        return !atOrBefore.isEmpty() && atOrBefore.get(0).postedAt().equals(command.postedAt());
    }
}
