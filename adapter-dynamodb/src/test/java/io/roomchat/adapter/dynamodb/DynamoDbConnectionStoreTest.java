package io.roomchat.adapter.dynamodb;

import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.testkit.ConnectionStoreContract;
import io.roomchat.testkit.DynaliteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbConnectionStoreTest extends ConnectionStoreContract {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private static DynamoDbChatStorage storage;

    @BeforeAll
    static void createTables() {
        storage = LocalDynamo.storage(DYNALITE);
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @Override
    protected ConnectionStore createStore() {
        return storage.connectionStore();
    }
}
