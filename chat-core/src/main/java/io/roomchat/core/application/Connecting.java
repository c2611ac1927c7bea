package io.roomchat.core.application;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.port.in.ConnectOutcome;
import io.roomchat.core.port.in.ConnectUseCase;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.core.port.out.TokenVerifier;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

final class Connecting implements ConnectUseCase {
    private final TokenVerifier verifier;
    private final ConnectionStore connections;
    private final Clock clock;

    Connecting(TokenVerifier verifier, ConnectionStore connections, Clock clock) {
        this.verifier = verifier;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public ConnectOutcome connect(ConnectionId id, String token, Protocol protocol) {
        if (token == null || token.isBlank()) {
            return new ConnectOutcome.Refused("missing token");
        }
        TokenVerification verdict = verifier.verify(token);
        if (verdict instanceof TokenVerification.Refused refused) {
            return new ConnectOutcome.Refused(refused.reason());
        }
        var identity = ((TokenVerification.Verified) verdict).identity();
        Connection connection = Connection.opened(id, identity, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                protocol);
        connections.add(connection);
        return new ConnectOutcome.Accepted(connection);
    }
}
