package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRate;
import io.roomchat.core.domain.FrameRateLimiter;
import io.roomchat.core.port.out.FrameBudgets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The frame budgets of the sockets open in this process, in memory: one {@link FrameRateLimiter} from a socket's
 * open to its close. A connection not open here is not refused, as the port wants.
 */
final class InMemoryFrameBudgets implements FrameBudgets {
    private final Map<ConnectionId, FrameRateLimiter> open = new ConcurrentHashMap<>();

    void open(ConnectionId connection) {
        open.put(connection, new FrameRateLimiter());
    }

    void close(ConnectionId connection) {
        open.remove(connection);
    }

    @Override
    public boolean tryTake(ConnectionId connection, FrameRate rate, Instant now) {
        FrameRateLimiter budget = open.get(connection);
        return budget == null || budget.tryTake(rate, now);
    }
}
