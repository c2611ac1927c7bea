package io.roomchat.core.port.in;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.RoomName;
import java.util.Objects;

/**
 * {@code onJoin}: enter {@code room} as {@code name}. A v1 connection leaves any other room; a v2 connection
 * keeps its other rooms. Joining a joined room again only changes the name shown there.
 */
public record JoinRoomCommand(RoomName room, DisplayName name) implements ClientCommand {
    public JoinRoomCommand {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(name, "name");
    }
}
