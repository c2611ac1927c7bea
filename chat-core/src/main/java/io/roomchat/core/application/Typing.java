package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.TypingCommand;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.RoomEventPublisher;
import io.roomchat.core.port.out.TypingGate;
import java.time.Clock;

/**
 * {@code onTyping}: published for the room's other v2 connections and never stored, as often as
 * the {@link TypingGate} allows ({@link TypingThrottle#INTERVAL}); the rest are answered 200 and dropped.
 */
final class Typing {
    private final RoomMembers members;
    private final RoomEventPublisher publisher;
    private final TypingGate gate;
    private final Clock clock;

    Typing(RoomMembers members, RoomEventPublisher publisher, TypingGate gate, Clock clock) {
        this.members = members;
        this.publisher = publisher;
        this.gate = gate;
        this.clock = clock;
    }

    Reply typing(ConnectionId caller, TypingCommand command) {
        var member = members.memberOf(caller, command.room());
        if (member.isEmpty()) {
            return RoomMembers.notJoined();
        }
        if (gate.tryForward(caller, command.room(), clock.instant(), TypingThrottle.INTERVAL)) {
            publisher.publish(Announcement.from(caller,
                    new RoomEvent.Typing(command.room(), member.get().userId(), member.get().name())));
        }
        return Reply.ok();
    }
}
