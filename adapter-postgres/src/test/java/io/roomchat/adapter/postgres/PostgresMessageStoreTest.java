package io.roomchat.adapter.postgres;

import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.MessageStoreContract;
import io.roomchat.testkit.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared contract on a real PostgreSQL; reopening closes the pool and connects to the same database again. */
class PostgresMessageStoreTest extends MessageStoreContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();
    private static String url;

    private PostgresChatStorage storage;

    @Override
    protected MessageStore createStore() {
        if (url == null) {
            url = POSTGRES.newDatabase();
        }
        storage = PostgresChatStorage.builder().url(url).user(PostgresServer.USER).poolSize(4).build();
        return storage.messageStore();
    }

    @Override
    protected boolean stampsPostedAtInSeqOrder() {
        return true;
    }

    @Override
    protected boolean canReopen() {
        return true;
    }

    @Override
    protected MessageStore reopen() {
        storage.close();
        return createStore();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }
}
