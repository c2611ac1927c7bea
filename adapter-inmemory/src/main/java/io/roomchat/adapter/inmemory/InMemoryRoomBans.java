package io.roomchat.adapter.inmemory;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.RoomBans;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Bans in a map; a ban is one atomic merge that keeps the later end. */
final class InMemoryRoomBans implements RoomBans {
    private final ConcurrentMap<Banned, Instant> bans = new ConcurrentHashMap<>();

    private record Banned(RoomName room, UserId user) {
    }

    @Override
    public void ban(RoomName room, UserId user, Instant until) {
        bans.merge(new Banned(room, user), until.truncatedTo(ChronoUnit.MILLIS),
                (current, asked) -> asked.isAfter(current) ? asked : current);
    }

    @Override
    public Optional<Instant> bannedUntil(RoomName room, UserId user, Instant now) {
        return Optional.ofNullable(bans.get(new Banned(room, user))).filter(until -> until.isAfter(now));
    }
}
