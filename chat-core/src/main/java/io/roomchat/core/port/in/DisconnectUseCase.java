package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/** {@code $disconnect}: forget the connection. */
public interface DisconnectUseCase {

    void disconnect(ConnectionId id);
}
