package io.roomchat.adapter.jdbc;

import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.MessageStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The shared contract on a real H2 file; reopening closes the database and opens the same directory again. */
class JdbcMessageStoreTest extends MessageStoreContract {
    @TempDir
    Path dataDir;

    private JdbcChatStorage storage;

    @Override
    protected MessageStore createStore() {
        storage = JdbcChatStorage.h2File(dataDir);
        return storage.messageStore();
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
