package io.roomchat.core.port.out;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * How far each user has read in each room: a message's {@code postedAt}, per user (all of a user's connections
 * share it) and room. Durable as far as the store keeps anything, and never moving back, however many calls race.
 * Implementations are thread-safe; failures surface as {@link ChatStorageException}.
 */
public interface ReadPositions {

    /**
     * Moves the user's position in the room to {@code postedAt} if that is later than where it is (or it has none);
     * an earlier or equal one changes nothing.
     *
     * @return the position after the call: {@code postedAt}, or the later one already recorded
     */
    Instant advance(UserId user, RoomName room, Instant postedAt);

    /** The user's position in the room; empty when the user never read there. */
    Optional<Instant> position(UserId user, RoomName room);
}
