package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/**
 * {@code $disconnect}, and any other end of a connection (idle timeout, slow reader dropped): forget the
 * connection; it leaves every room it was in.
 */
public interface DisconnectUseCase {

    void disconnect(ConnectionId id);
}
