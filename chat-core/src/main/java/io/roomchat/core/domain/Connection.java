package io.roomchat.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection record: who is connected, since when, which room it has joined (if any), and when the token it was
 * opened with runs out (if it does).
 */
public record Connection(ConnectionId id, UserId userId, Instant connectedAt, Membership membership,
                         Instant tokenExpiresAt) {
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }

    /** A connection whose token does not run out. */
    public static Connection opened(ConnectionId id, UserId userId, Instant connectedAt) {
        return new Connection(id, userId, connectedAt, null, null);
    }

    public static Connection opened(ConnectionId id, Identity identity, Instant connectedAt) {
        return new Connection(id, identity.userId(), connectedAt, null, identity.expiresAt().orElse(null));
    }

    public Connection joining(Membership newMembership) {
        return new Connection(id, userId, connectedAt, Objects.requireNonNull(newMembership), tokenExpiresAt);
    }

    public Optional<Membership> currentMembership() {
        return Optional.ofNullable(membership);
    }

    public boolean isIn(RoomName room) {
        return membership != null && membership.room().equals(room);
    }

    public Optional<Instant> tokenExpiry() {
        return Optional.ofNullable(tokenExpiresAt);
    }

    /** The token's {@code exp} has come: from then on the connection may do nothing more and is closed. */
    public boolean tokenExpiredAt(Instant now) {
        return tokenExpiresAt != null && !now.isBefore(tokenExpiresAt);
    }
}
