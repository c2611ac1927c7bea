package io.roomchat.core.port.in;

import io.roomchat.core.domain.RoomName;
import java.util.Objects;

/** {@code onPresence} (v2): who is present in {@code room}, for rooms too busy for presence events. */
public record PresenceQuery(RoomName room) implements ClientCommand {
    public PresenceQuery {
        Objects.requireNonNull(room, "room");
    }
}
