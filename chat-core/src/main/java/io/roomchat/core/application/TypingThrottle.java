package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.TypingGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link TypingGate}, in this process's memory: it keeps only the last forward per connection and room,
 * forgotten when the connection leaves the room or goes, so it is bounded by the connections open and their rooms.
 * Serverless replaces it with a store's, as each function instance would otherwise throttle only what it sees.
 */
final class TypingThrottle implements TypingGate {
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private final Clock clock;
    private final Map<ConnectionId, Map<RoomName, Instant>> lastForwarded = new ConcurrentHashMap<>();

    TypingThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether a typing event from {@code caller} in {@code room} may go out now; if so, it counts as sent. */
    boolean mayForward(ConnectionId caller, RoomName room) {
        return tryForward(caller, room, clock.instant(), INTERVAL);
    }

    @Override
    public boolean tryForward(ConnectionId caller, RoomName room, Instant now, Duration interval) {
        boolean[] forward = {false};
        lastForwarded.computeIfAbsent(caller, id -> new ConcurrentHashMap<>()).compute(room, (key, last) -> {
            forward[0] = last == null || !now.isBefore(last.plus(interval));
            return forward[0] ? now : last;
        });
        return forward[0];
    }

    void forget(ConnectionId connection, RoomName room) {
        lastForwarded.computeIfPresent(connection, (id, rooms) -> {
            rooms.remove(room);
            return rooms.isEmpty() ? null : rooms;
        });
    }

    void forget(ConnectionId connection) {
        lastForwarded.remove(connection);
    }

    /** How many connections it holds anything for (for tests of its bound). */
    int size() {
        return lastForwarded.size();
    }
}
