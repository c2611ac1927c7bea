package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRateLimiter;
import io.roomchat.core.port.out.FrameBudgets;
import io.roomchat.testkit.FrameBudgetsContract;
import io.roomchat.testkit.Samples;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

class InMemoryFrameBudgetsTest extends FrameBudgetsContract {
    /** The open sockets' budgets, as the gateway keeps them with its open sockets. */
    private final Map<ConnectionId, FrameRateLimiter> open = new ConcurrentHashMap<>();

    @Override
    protected FrameBudgets createBudgets() {
        return new InMemoryFrameBudgets(open::get);
    }

    @Override
    protected ConnectionId openConnection() {
        ConnectionId connection = Samples.connectionId();
        open.put(connection, new FrameRateLimiter());
        return connection;
    }
}
