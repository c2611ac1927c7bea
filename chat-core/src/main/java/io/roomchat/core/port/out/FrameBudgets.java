package io.roomchat.core.port.out;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRate;
import java.time.Instant;

/**
 * Connections' frame budgets: where each connection's {@link FrameRate} state is kept. Serverless keeps them in a
 * store, as each frame may reach another function instance; a self-hosted server keeps them in memory, one
 * {@link io.roomchat.core.domain.FrameRateLimiter} per open socket.
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
