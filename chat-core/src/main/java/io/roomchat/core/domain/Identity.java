package io.roomchat.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a verified token says the caller is, and until when it says so: a connection opened with it is closed once
 * {@code expiresAt} passes. Empty for a verifier whose identities do not run out.
 */
public record Identity(UserId userId, Optional<Instant> expiresAt) {
    public Identity {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** An identity that does not run out. */
    public Identity(UserId userId) {
        this(userId, Optional.empty());
    }

    public Identity(UserId userId, Instant expiresAt) {
        this(userId, Optional.of(expiresAt));
    }
}
