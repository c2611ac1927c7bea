package io.roomchat.adapter.jetty.boot;

import io.roomchat.testkit.DynaliteServer;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every protocol scenario against the self-hosted server storing messages in DynamoDB (dynalite on loopback). */
class DynamoDbStoreProtocolTest extends SelfHostedProtocolScenarios {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    @Override
    protected Map<String, String> storeSettings() {
        return Map.of("CHAT_STORE", "dynamodb", "CHAT_DYNAMODB_ENDPOINT", DYNALITE.endpoint().toString());
    }
}
