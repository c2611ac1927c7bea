package io.roomchat.core.domain;

import java.util.Objects;

/** One connection in one room: whom to deliver to, as whom it shows there, and in which protocol. */
public record Member(ConnectionId connectionId, UserId userId, DisplayName name, Protocol protocol) {
    public Member {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
    }
}
