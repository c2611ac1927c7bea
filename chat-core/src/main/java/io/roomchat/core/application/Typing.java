package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.TypingCommand;
import io.roomchat.core.port.out.ConnectionStore;

/**
 * {@code onTyping}: told to the room's other v2 connections and never stored, as often as {@link TypingThrottle}
 * allows; the rest are answered 200 and dropped.
 */
final class Typing {
    private final RoomMembers members;
    private final ConnectionStore connections;
    private final Fanout fanout;
    private final TypingThrottle throttle;
    private final Disconnecting disconnecting;

    Typing(RoomMembers members, ConnectionStore connections, Fanout fanout, TypingThrottle throttle,
           Disconnecting disconnecting) {
        this.members = members;
        this.connections = connections;
        this.fanout = fanout;
        this.throttle = throttle;
        this.disconnecting = disconnecting;
    }

    Reply typing(ConnectionId caller, TypingCommand command) {
        var member = members.memberOf(caller, command.room());
        if (member.isEmpty()) {
            return RoomMembers.notJoined();
        }
        if (throttle.mayForward(caller, command.room())) {
            var typing = new RoomEvent.Typing(command.room(), member.get().userId(), member.get().name());
            disconnecting.disconnectAll(fanout.toOtherV2(typing, connections.inRoom(command.room()), caller));
        }
        return Reply.ok();
    }
}
