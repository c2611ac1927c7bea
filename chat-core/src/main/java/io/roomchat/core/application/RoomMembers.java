package io.roomchat.core.application;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.ConnectionStore;
import java.util.Optional;

/** The membership rule: only a connection that has joined a room may post in it or read its history. */
final class RoomMembers {
    static final String UNKNOWN_CONNECTION = "unknown connection";
    static final String NOT_JOINED = "room: join the room first";

    private final ConnectionStore connections;

    RoomMembers(ConnectionStore connections) {
        this.connections = connections;
    }

    /** The caller as a member of {@code room} if it is in it; otherwise empty. */
    Optional<Member> memberOf(ConnectionId caller, RoomName room) {
        return connections.find(caller).flatMap(connection -> connection.memberOf(room));
    }

    /** The caller's record if it is in {@code room}, for rules that also need its token's grants. */
    Optional<Connection> connectionIn(ConnectionId caller, RoomName room) {
        return connections.find(caller).filter(connection -> connection.isIn(room));
    }

    static Reply notJoined() {
        return Reply.rejected(Status.FORBIDDEN, NOT_JOINED);
    }
}
