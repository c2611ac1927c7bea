package io.roomchat.core.application;

import io.roomchat.core.domain.RoomName;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest {@code postedAt} this process gave out per room, so the next one starts after it: posting times
 * stay in posting order within a room even within one millisecond or when the wall clock steps back. Only a
 * hint: the store's uniqueness check stays the guard, so forgetting entries (on restart, or past the cap) is safe.
 */
final class RoomStamps {
    private static final int MAX_ROOMS_REMEMBERED = 100_000;

    private final Map<RoomName, Instant> newest = new ConcurrentHashMap<>();

    /** The earliest time a new message in {@code room} should try: now, or just after the newest given out. */
    Instant earliest(RoomName room, Instant now) {
        Instant last = newest.get(room);
        return last == null || now.isAfter(last) ? now : last.plusMillis(1);
    }

    void issued(RoomName room, Instant postedAt) {
        if (newest.size() >= MAX_ROOMS_REMEMBERED) {
            newest.clear();
        }
        newest.merge(room, postedAt, (a, b) -> a.isAfter(b) ? a : b);
    }
}
