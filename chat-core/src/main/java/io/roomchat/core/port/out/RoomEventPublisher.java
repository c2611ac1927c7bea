package io.roomchat.core.port.out;

/**
 * Announces a room event for fan-out to its room: directly in-process, or through a bus (SNS, Redis) whose
 * subscriber calls the broadcast use case with the same announcement. Every kind of {@link
 * io.roomchat.core.domain.RoomEvent} goes this way: stored messages once durable, presence, typing and read events
 * as they happen.
 */
@FunctionalInterface
public interface RoomEventPublisher {

    void publish(Announcement announcement);
}
