package io.roomchat.core.domain;

import java.util.Objects;

/** A user present in a room (one or more of its connections are in it), under one of the names it shows there. */
public record PresentUser(UserId userId, DisplayName name) {
    public PresentUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
    }
}
