package io.roomchat.core.port.in;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.RoomName;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code onJoin}: enter {@code room} as {@code name}. A v1 connection leaves any other room; a v2 connection
 * keeps its other rooms. Joining a joined room again only changes the name shown there. With {@code since} (v2), the
 * changes after that {@code seq} follow the reply as message events (a resume).
 */
public record JoinRoomCommand(RoomName room, DisplayName name, OptionalLong since) implements ClientCommand {
    public JoinRoomCommand {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(since, "since");
        if (since.isPresent() && since.getAsLong() < 0) {
            throw new IllegalArgumentException("since: must be 0 or more");
        }
    }

    /** A join that resumes nothing. */
    public JoinRoomCommand(RoomName room, DisplayName name) {
        this(room, name, OptionalLong.empty());
    }
}
