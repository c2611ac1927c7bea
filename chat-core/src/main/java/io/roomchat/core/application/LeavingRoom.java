package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.port.in.LeaveRoomCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.ConnectionStore;
import java.util.List;

/** {@code onLeave}: out of one room, in either protocol (a v1 connection is then in no room). */
final class LeavingRoom {
    private final ConnectionStore connections;
    private final Disconnecting disconnecting;

    LeavingRoom(ConnectionStore connections, Disconnecting disconnecting) {
        this.connections = connections;
        this.disconnecting = disconnecting;
    }

    Reply leave(ConnectionId caller, LeaveRoomCommand command) {
        var departure = connections.leave(caller, command.room());
        if (departure.isEmpty()) {
            return RoomMembers.notJoined();
        }
        disconnecting.departed(List.of(departure.get()));
        return Reply.ok();
    }
}
