package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRate;
import io.roomchat.core.domain.FrameRateLimiter;
import io.roomchat.core.port.out.FrameBudgets;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * The frame budgets of the sockets open in this process, in memory: each open socket's own {@link FrameRateLimiter},
 * found through the open sockets the server already keeps rather than in a map of its own (a map entry less per
 * socket). A connection not open here is not refused, as the port wants.
 */
final class InMemoryFrameBudgets implements FrameBudgets {
    private final Function<ConnectionId, FrameRateLimiter> budgetOf;

    /** {@code budgetOf}: an open socket's budget, or null when the connection is not open here. */
    InMemoryFrameBudgets(Function<ConnectionId, FrameRateLimiter> budgetOf) {
        this.budgetOf = Objects.requireNonNull(budgetOf, "budgetOf");
    }

    @Override
    public boolean tryTake(ConnectionId connection, FrameRate rate, Instant now) {
        FrameRateLimiter budget = budgetOf.apply(connection);
        return budget == null || budget.tryTake(rate, now);
    }
}
