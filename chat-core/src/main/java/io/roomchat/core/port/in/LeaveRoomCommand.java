package io.roomchat.core.port.in;

import io.roomchat.core.domain.RoomName;
import java.util.Objects;

/** {@code onLeave}: leave {@code room}, staying in every other room. 200, or 403 naming {@code room} when not in it. */
public record LeaveRoomCommand(RoomName room) implements ClientCommand {
    public LeaveRoomCommand {
        Objects.requireNonNull(room, "room");
    }
}
