package io.roomchat.core.port.in;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.RoomName;
import java.util.Objects;

/** {@code onJoin}: enter {@code room} as {@code name}, leaving any other room. */
public record JoinRoomCommand(RoomName room, DisplayName name) implements ClientCommand {
    public JoinRoomCommand {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(name, "name");
    }
}
