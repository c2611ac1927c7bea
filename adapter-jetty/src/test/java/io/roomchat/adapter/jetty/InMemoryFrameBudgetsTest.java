package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.port.out.FrameBudgets;
import io.roomchat.testkit.FrameBudgetsContract;
import io.roomchat.testkit.Samples;

class InMemoryFrameBudgetsTest extends FrameBudgetsContract {
    private final InMemoryFrameBudgets inMemory = new InMemoryFrameBudgets();

    @Override
    protected FrameBudgets createBudgets() {
        return inMemory;
    }

    @Override
    protected ConnectionId openConnection() {
        ConnectionId connection = Samples.connectionId();
        inMemory.open(connection);
        return connection;
    }
}
