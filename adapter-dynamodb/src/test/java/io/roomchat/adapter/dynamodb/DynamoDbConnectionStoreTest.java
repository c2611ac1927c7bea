package io.roomchat.adapter.dynamodb;

import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.testkit.ConnectionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbConnectionStoreTest extends ConnectionStoreContract {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();

    @Override
    protected ConnectionStore createStore() {
        return DYNAMO.storage().connectionStore();
    }
}
