package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.TypingCommand;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.RoomEventPublisher;

/**
 * {@code onTyping}: published for the room's other v2 connections and never stored, as often as
 * {@link TypingThrottle} allows; the rest are answered 200 and dropped.
 */
final class Typing {
    private final RoomMembers members;
    private final RoomEventPublisher publisher;
    private final TypingThrottle throttle;

    Typing(RoomMembers members, RoomEventPublisher publisher, TypingThrottle throttle) {
        this.members = members;
        this.publisher = publisher;
        this.throttle = throttle;
    }

    Reply typing(ConnectionId caller, TypingCommand command) {
        var member = members.memberOf(caller, command.room());
        if (member.isEmpty()) {
            return RoomMembers.notJoined();
        }
        if (throttle.mayForward(caller, command.room())) {
            publisher.publish(Announcement.from(caller,
                    new RoomEvent.Typing(command.room(), member.get().userId(), member.get().name())));
        }
        return Reply.ok();
    }
}
