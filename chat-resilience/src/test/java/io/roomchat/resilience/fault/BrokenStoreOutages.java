package io.roomchat.resilience.fault;

import io.roomchat.resilience.LiveServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The outage scenarios on one of the server's own stores, wrapped so that a test can make every call throw. */
abstract class BrokenStoreOutages extends StoreOutageScenarios {
    private LiveServer server;
    private BreakableMessageStore store;

    /** The server's store settings, as environment variables. */
    abstract Map<String, String> settings();

    /** What the broken store throws; its message carries {@link #SECRET_DETAIL}. */
    abstract RuntimeException failure();

    @BeforeAll
    void startServer() {
        server = LiveServer.start(settings(), real -> store = new BreakableMessageStore(real));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Override
    protected LiveServer server() {
        return server;
    }

    @Override
    protected void breakStore() {
        store.breakWith(failure());
    }

    @Override
    protected boolean breakSyncs() {
        store.breakSyncsWith(failure());
        return true;
    }

    @Override
    protected void mendStore() {
        store.mend();
    }
}
