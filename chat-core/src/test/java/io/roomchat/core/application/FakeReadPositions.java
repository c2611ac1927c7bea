package io.roomchat.core.application;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ReadPositions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Read positions in a map, never moving back. */
final class FakeReadPositions implements ReadPositions {
    private final Map<String, Instant> positions = new ConcurrentHashMap<>();

    @Override
    public Instant advance(UserId user, RoomName room, Instant postedAt) {
        return positions.merge(key(user, room), postedAt, (old, given) -> given.isAfter(old) ? given : old);
    }

    @Override
    public Optional<Instant> position(UserId user, RoomName room) {
        return Optional.ofNullable(positions.get(key(user, room)));
    }

    private static String key(UserId user, RoomName room) {
        return user.value() + "\u0000" + room.value();
    }
}
