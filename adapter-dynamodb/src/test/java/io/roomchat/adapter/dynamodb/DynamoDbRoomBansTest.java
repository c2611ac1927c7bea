package io.roomchat.adapter.dynamodb;

import io.roomchat.core.port.out.RoomBans;
import io.roomchat.testkit.RoomBansContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared contract on dynalite; reopening builds a new storage with its own client over the same tables. */
class DynamoDbRoomBansTest extends RoomBansContract {
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
    protected RoomBans createBans() {
        return DYNAMO.storage().roomBans();
    }

    @Override
    protected boolean canReopen() {
        return true;
    }

    @Override
    protected RoomBans reopen() {
        reopened = DynamoDbChatStorage.builder().settings(LocalDynamo.settings(DYNAMO.server().endpoint())).build();
        return reopened.roomBans();
    }
}
