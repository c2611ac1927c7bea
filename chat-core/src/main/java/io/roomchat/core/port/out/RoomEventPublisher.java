package io.roomchat.core.port.out;

import io.roomchat.core.domain.RoomName;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Announces a room event for fan-out to its room: directly in-process, or through a bus (SNS, Redis) whose
 * subscriber calls the broadcast use case with the same announcement. Every kind of {@link
 * io.roomchat.core.domain.RoomEvent} goes this way: stored messages once durable, presence, typing and read events
 * as they happen.
 */
@FunctionalInterface
public interface RoomEventPublisher {

    void publish(Announcement announcement);

    /**
     * Runs {@code action}, a resuming join, in {@code room}'s delivery order on this node, when this publisher keeps
     * one of its own: a bus that also delivers other nodes' changes, outside the core's order of this node's writes.
     * No change of the room reaches this node's members while {@code action} runs; it is handed the {@code seq} that
     * divides them: every change up to it reached the room's members here before, every later one will after. The
     * divide is at least {@code since} (the changes the caller has seen), so none reaches it twice.
     *
     * @return the action's result; empty, without running it, when this publisher delivers each change as it is
     *         published (in-process, or a bus with no order): the core's own order of the room is then the node's
     */
    default <T> Optional<T> inDeliveryTurn(RoomName room, long since, Function<LongSupplier, T> action) {
        return Optional.empty();
    }
}
