package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.ConnectionStore;

final class JoiningRoom {
    private final ConnectionStore connections;

    JoiningRoom(ConnectionStore connections) {
        this.connections = connections;
    }

    Reply join(ConnectionId caller, JoinRoomCommand command) {
        return connections.join(caller, new Membership(command.room(), command.name()))
                .map(joined -> Reply.ok())
                .orElseGet(() -> Reply.rejected(Status.FORBIDDEN, RoomMembers.UNKNOWN_CONNECTION));
    }
}
