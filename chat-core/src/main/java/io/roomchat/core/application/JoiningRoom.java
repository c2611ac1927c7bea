package io.roomchat.core.application;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.JoinOutcome;
import java.util.Optional;

/** v1's {@code onJoin} switches rooms; v2's adds one, up to {@link Limits#maxRoomsPerConnection()}. */
final class JoiningRoom {
    private final ConnectionStore connections;
    private final Presence presence;
    private final Disconnecting disconnecting;
    private final int maxRooms;

    JoiningRoom(ConnectionStore connections, Presence presence, Disconnecting disconnecting, Limits limits) {
        this.connections = connections;
        this.presence = presence;
        this.disconnecting = disconnecting;
        this.maxRooms = limits.maxRoomsPerConnection();
    }

    Reply join(ConnectionId caller, JoinRoomCommand command) {
        Optional<Connection> connection = connections.find(caller);
        if (connection.isEmpty()) {
            return unknownConnection();
        }
        Membership membership = new Membership(command.room(), command.name());
        JoinOutcome outcome = connection.get().protocol() == Protocol.V1
                ? connections.switchTo(caller, membership)
                : connections.join(caller, membership, maxRooms);
        if (outcome instanceof JoinOutcome.TooManyRooms) {
            return Reply.rejected(Status.FORBIDDEN, "room: already in " + maxRooms + " rooms, leave one first");
        }
        if (!(outcome instanceof JoinOutcome.Joined joined)) {
            return unknownConnection();
        }
        // A v1 switch tells the rooms it left before the one it entered.
        disconnecting.departed(joined.left());
        if (joined.firstOfUser()) {
            Connection entered = joined.connection();
            disconnecting.disconnectAll(presence.announce(new RoomEvent.Presence(command.room(),
                    RoomEvent.Presence.Kind.JOIN, entered.userId(), command.name())));
        }
        return Reply.ok();
    }

    private static Reply unknownConnection() {
        return Reply.rejected(Status.FORBIDDEN, RoomMembers.UNKNOWN_CONNECTION);
    }
}
