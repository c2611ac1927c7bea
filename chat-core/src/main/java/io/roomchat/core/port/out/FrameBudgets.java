package io.roomchat.core.port.out;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRate;
import java.time.Instant;

/**
 * Connections' frame budgets kept in a store, for bindings where no process outlives a connection (serverless:
 * each frame may reach another function instance). A self-hosted server keeps them in memory instead
 * ({@link io.roomchat.core.domain.FrameRateLimiter}).
 */
public interface FrameBudgets {
    /** Budgets that never run out, for a binding configured without a frame rate limit. */
    FrameBudgets UNLIMITED = (connection, rate, now) -> true;

    /**
     * Takes one frame from the connection's budget at {@code now}. False: over the rate, nothing taken. A
     * connection the store does not know is not refused here: the core answers for it as for any frame.
     *
     * @throws ChatStorageException when the store fails
     */
    boolean tryTake(ConnectionId connection, FrameRate rate, Instant now);
}
