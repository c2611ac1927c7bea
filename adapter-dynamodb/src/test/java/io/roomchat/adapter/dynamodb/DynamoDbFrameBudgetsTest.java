package io.roomchat.adapter.dynamodb;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.port.out.FrameBudgets;
import io.roomchat.testkit.FrameBudgetsContract;
import io.roomchat.testkit.Samples;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbFrameBudgetsTest extends FrameBudgetsContract {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();

    @Override
    protected FrameBudgets createBudgets() {
        return DYNAMO.storage().frameBudgets();
    }

    @Override
    protected ConnectionId openConnection() {
        var connection = Samples.connection(Samples.user());
        DYNAMO.storage().connectionStore().add(connection);
        return connection.id();
    }
}
