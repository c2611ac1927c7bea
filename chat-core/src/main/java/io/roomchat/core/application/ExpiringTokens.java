package io.roomchat.core.application;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.port.in.FrameCaller;
import io.roomchat.core.port.in.TokenExpiryUseCase;
import io.roomchat.core.port.out.ConnectionStore;
import java.time.Clock;
import java.util.Optional;

/** Forgets a connection whose token has run out, as a disconnect does. */
final class ExpiringTokens implements TokenExpiryUseCase {
    private final ConnectionStore connections;
    private final Disconnecting disconnecting;
    private final Clock clock;

    ExpiringTokens(ConnectionStore connections, Disconnecting disconnecting, Clock clock) {
        this.connections = connections;
        this.disconnecting = disconnecting;
        this.clock = clock;
    }

    @Override
    public FrameCaller check(ConnectionId caller) {
        Optional<Connection> connection = connections.find(caller);
        boolean expired = connection.filter(found -> found.tokenExpiredAt(clock.instant())).isPresent();
        if (expired) {
            // Leaving like any disconnect, so that its rooms hear the user's presence leave.
            disconnecting.disconnect(caller);
        }
        return new FrameCaller(connection.map(Connection::protocol).orElse(Protocol.V1), expired);
    }
}
