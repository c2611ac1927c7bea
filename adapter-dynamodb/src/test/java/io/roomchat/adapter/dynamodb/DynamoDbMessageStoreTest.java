package io.roomchat.adapter.dynamodb;

import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.MessageStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbMessageStoreTest extends MessageStoreContract {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();

    private DynamoDbChatStorage reopened;

    @AfterEach
    void closeReopened() {
        if (reopened != null) {
            reopened.close();
        }
    }

    @Override
    protected MessageStore createStore() {
        return DYNAMO.storage().messageStore();
    }

    /** The data lives in dynalite, not in the process: a new storage with a new client sees it all. */
    @Override
    protected boolean canReopen() {
        return true;
    }

    @Override
    protected MessageStore reopen() {
        reopened = DynamoDbChatStorage.builder().settings(LocalDynamo.settings(DYNAMO.server().endpoint())).build();
        return reopened.messageStore();
    }
}
