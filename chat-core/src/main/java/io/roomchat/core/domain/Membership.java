package io.roomchat.core.domain;

import java.util.Objects;

/** A room a connection is in, and the name it shows there. */
public record Membership(RoomName room, DisplayName name) {
    public Membership {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(name, "name");
    }
}
