package io.roomchat.adapter.inmemory;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ReadPositions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Read positions in a map; an advance is one atomic merge that keeps the later time. */
final class InMemoryReadPositions implements ReadPositions {
    private final ConcurrentMap<Reader, Instant> positions = new ConcurrentHashMap<>();

    private record Reader(UserId user, RoomName room) {
    }

    @Override
    public Instant advance(UserId user, RoomName room, Instant postedAt) {
        return positions.merge(new Reader(user, room), postedAt.truncatedTo(ChronoUnit.MILLIS),
                (current, asked) -> asked.isAfter(current) ? asked : current);
    }

    @Override
    public Optional<Instant> position(UserId user, RoomName room) {
        return Optional.ofNullable(positions.get(new Reader(user, room)));
    }
}
