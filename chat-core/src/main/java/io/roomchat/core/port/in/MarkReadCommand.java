package io.roomchat.core.port.in;

import io.roomchat.core.domain.RoomName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** {@code onRead} (v2): the caller's user has read {@code room} up to the message posted at {@code postedAt}. */
public record MarkReadCommand(RoomName room, Instant postedAt) implements ClientCommand {
    public MarkReadCommand {
        Objects.requireNonNull(room, "room");
        postedAt = Objects.requireNonNull(postedAt, "postedAt").truncatedTo(ChronoUnit.MILLIS);
    }
}
