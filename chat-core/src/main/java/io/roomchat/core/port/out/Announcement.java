package io.roomchat.core.port.out;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.RoomEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * A room event as it travels from where it happened to the connections of its room, on this node or over a bus.
 *
 * @param origin the connection whose action it is, when its recipients exclude that connection (typing, read);
 *               empty for events every recipient receives
 */
public record Announcement(RoomEvent event, Optional<ConnectionId> origin) {
    public Announcement {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(origin, "origin");
    }

    /** An event for all its recipients. */
    public static Announcement of(RoomEvent event) {
        return new Announcement(event, Optional.empty());
    }

    /** An event for its recipients other than {@code origin}, the connection that caused it. */
    public static Announcement from(ConnectionId origin, RoomEvent event) {
        return new Announcement(event, Optional.of(origin));
    }
}
