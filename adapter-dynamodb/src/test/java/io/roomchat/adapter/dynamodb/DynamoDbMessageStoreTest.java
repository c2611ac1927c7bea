package io.roomchat.adapter.dynamodb;

import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.DynaliteServer;
import io.roomchat.testkit.MessageStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbMessageStoreTest extends MessageStoreContract {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private static DynamoDbChatStorage storage;
    private DynamoDbChatStorage reopened;

    @BeforeAll
    static void createTables() {
        storage = LocalDynamo.storage(DYNALITE);
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @AfterEach
    void closeReopened() {
        if (reopened != null) {
            reopened.close();
        }
    }

    @Override
    protected MessageStore createStore() {
        return storage.messageStore();
    }

    /** The data lives in dynalite, not in the process: a new storage with a new client sees it all. */
    @Override
    protected boolean canReopen() {
        return true;
    }

    @Override
    protected MessageStore reopen() {
        reopened = DynamoDbChatStorage.builder().settings(LocalDynamo.settings(DYNALITE.endpoint())).build();
        return reopened.messageStore();
    }
}
