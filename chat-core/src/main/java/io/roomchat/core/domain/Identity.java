package io.roomchat.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a verified token says the caller is, until when it says so, and what it grants: a connection opened with it
 * is closed once {@code expiresAt} passes (empty for a verifier whose identities do not run out), and the room
 * policy reads {@code grants}.
 */
public record Identity(UserId userId, Optional<Instant> expiresAt, AccessGrants grants) {
    public Identity {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(grants, "grants");
    }

    public Identity(UserId userId, Optional<Instant> expiresAt) {
        this(userId, expiresAt, AccessGrants.NONE);
    }

    /** An identity that does not run out. */
    public Identity(UserId userId) {
        this(userId, Optional.empty());
    }

    public Identity(UserId userId, Instant expiresAt) {
        this(userId, Optional.of(expiresAt));
    }

    public Identity withGrants(AccessGrants newGrants) {
        return new Identity(userId, expiresAt, newGrants);
    }
}
