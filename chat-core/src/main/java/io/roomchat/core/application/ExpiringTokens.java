package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.port.in.TokenExpiryUseCase;
import io.roomchat.core.port.out.ConnectionStore;
import java.time.Clock;

final class ExpiringTokens implements TokenExpiryUseCase {
    private final ConnectionStore connections;
    private final Clock clock;

    ExpiringTokens(ConnectionStore connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public boolean forgetIfExpired(ConnectionId caller) {
        boolean expired = connections.find(caller)
                .filter(connection -> connection.tokenExpiredAt(clock.instant()))
                .isPresent();
        if (expired) {
            connections.remove(caller);
        }
        return expired;
    }
}
