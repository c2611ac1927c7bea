package io.roomchat.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A connection record: who is connected, since when, and which room it has joined (if any). */
public record Connection(ConnectionId id, UserId userId, Instant connectedAt, Membership membership) {
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }

    public static Connection opened(ConnectionId id, UserId userId, Instant connectedAt) {
        return new Connection(id, userId, connectedAt, null);
    }

    public Connection joining(Membership newMembership) {
        return new Connection(id, userId, connectedAt, Objects.requireNonNull(newMembership));
    }

    public Optional<Membership> currentMembership() {
        return Optional.ofNullable(membership);
    }

    public boolean isIn(RoomName room) {
        return membership != null && membership.room().equals(room);
    }
}
