package io.roomchat.core.application;

import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.RoomEventPublisher;

/**
 * Tells a room that a user entered or left it, through the publisher like every room event; who receives it (v2
 * connections, while the room is small enough) is {@link Recipients}' rule. Whether a join or a leave is a user's
 * first or last is the store's answer to that write, not decided here.
 */
final class Presence {
    private final RoomEventPublisher publisher;

    Presence(RoomEventPublisher publisher) {
        this.publisher = publisher;
    }

    void announce(RoomEvent.Presence event) {
        publisher.publish(Announcement.of(event));
    }
}
