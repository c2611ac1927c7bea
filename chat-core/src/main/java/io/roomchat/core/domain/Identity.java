package io.roomchat.core.domain;

import java.util.Objects;

/** Who a verified token says the caller is. */
public record Identity(UserId userId) {
    public Identity {
        Objects.requireNonNull(userId, "userId");
    }
}
