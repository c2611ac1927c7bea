package io.roomchat.core.application;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.RoomBans;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The simplest correct room bans, for the core's own tests: one map under one lock. */
final class FakeRoomBans implements RoomBans {
    private final Map<String, Instant> until = new HashMap<>();

    @Override
    public synchronized void ban(RoomName room, UserId user, Instant end) {
        until.merge(key(room, user), end, (current, next) -> next.isAfter(current) ? next : current);
    }

    @Override
    public synchronized Optional<Instant> bannedUntil(RoomName room, UserId user, Instant now) {
        return Optional.ofNullable(until.get(key(room, user))).filter(end -> end.isAfter(now));
    }

    private static String key(RoomName room, UserId user) {
        return room.value() + "\n" + user.value();
    }
}
