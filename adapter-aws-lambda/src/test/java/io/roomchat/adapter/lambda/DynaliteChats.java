package io.roomchat.adapter.lambda;

import io.roomchat.adapter.dynamodb.DynamoDbChatStorage;
import io.roomchat.adapter.dynamodb.DynamoDbSettings;
import io.roomchat.testkit.DynaliteServer;
import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Serverless chats on real parts, for a test class ({@code @RegisterExtension static}): a dynalite with the
 * chat's tables, the DynamoDB stores on it through the real SDK client, and a local {@code @connections}
 * endpoint. Each {@link #builder} is one function instance; several share the tables, as Lambdas do.
 */
final class DynaliteChats implements BeforeAllCallback, AfterAllCallback {
    private final DynaliteServer dynalite = new DynaliteServer();
    private ManagementApiStub api;
    private DynamoDbChatStorage storage;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dynalite.beforeAll(context);
        api = new ManagementApiStub();
        storage = DynamoDbChatStorage.builder()
                .settings(DynamoDbSettings.defaults().withEndpoint(dynalite.endpoint()))
                .build()
                .createTablesIfMissing();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        storage.close();
        api.close();
        dynalite.afterAll(context);
    }

    ManagementApiStub api() {
        return api;
    }

    DynamoDbChatStorage storage() {
        return storage;
    }

    /** A function instance's chat on the shared stores, fanning out directly, with {@code clock}; add what the test needs. */
    ServerlessChat.Builder builder(Clock clock) {
        return ServerlessChat.builder()
                .connectionStore(storage.connectionStore())
                .messageStore(storage.messageStore())
                .readPositions(storage.readPositions())
                .managementApi(Chats::managementApi)
                .callbackEndpoint(api.endpoint())
                .clock(clock)
                .directFanout();
    }
}
