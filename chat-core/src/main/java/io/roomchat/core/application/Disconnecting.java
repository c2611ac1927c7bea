package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.port.in.DisconnectUseCase;
import io.roomchat.core.port.out.ConnectionStore;

final class Disconnecting implements DisconnectUseCase {
    private final ConnectionStore connections;

    Disconnecting(ConnectionStore connections) {
        this.connections = connections;
    }

    @Override
    public void disconnect(ConnectionId id) {
        connections.remove(id);
    }
}
