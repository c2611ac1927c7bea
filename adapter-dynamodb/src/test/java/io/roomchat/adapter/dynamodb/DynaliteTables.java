package io.roomchat.adapter.dynamodb;

import io.roomchat.testkit.DynaliteServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A test class's dynalite with the chat's tables created: a storage whose requests are counted, and a plain
 * client for looking at items as stored. Register it as a static field with {@code @RegisterExtension}.
 */
final class DynaliteTables implements BeforeAllCallback, AfterAllCallback {
    private final DynaliteServer server = new DynaliteServer();
    private final RequestCounter requests = new RequestCounter();
    private DynamoDbClient counted;
    private DynamoDbClient raw;
    private DynamoDbChatStorage storage;

    @Override
    public void beforeAll(ExtensionContext context) {
        server.start();
        DynamoDbSettings settings = LocalDynamo.settings(server.endpoint());
        counted = LocalDynamo.client(settings, requests);
        raw = LocalDynamo.client(settings);
        storage = DynamoDbChatStorage.builder().settings(settings).client(counted).build().createTablesIfMissing();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        counted.close();
        raw.close();
        server.stop();
    }

    DynaliteServer server() {
        return server;
    }

    DynamoDbChatStorage storage() {
        return storage;
    }

    /** A client outside the stores, for reading and writing items directly. */
    DynamoDbClient raw() {
        return raw;
    }

    /** Counts the requests of {@link #storage()}. */
    RequestCounter requests() {
        return requests;
    }
}
