package io.roomchat.adapter.dynamodb;

import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.testkit.ReadPositionsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbReadPositionsTest extends ReadPositionsContract {
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
    protected ReadPositions createPositions() {
        return DYNAMO.storage().readPositions();
    }

    /** The data lives in dynalite, not in the process: a new storage with a new client sees it all. */
    @Override
    protected boolean canReopen() {
        return true;
    }

    @Override
    protected ReadPositions reopen() {
        reopened = DynamoDbChatStorage.builder().settings(LocalDynamo.settings(DYNAMO.server().endpoint())).build();
        return reopened.readPositions();
    }
}
