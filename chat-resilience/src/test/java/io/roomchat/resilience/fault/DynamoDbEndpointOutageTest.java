package io.roomchat.resilience.fault;

import io.roomchat.adapter.dynamodb.DynamoDbChatStorage;
import io.roomchat.adapter.dynamodb.DynamoDbSettings;
import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.DynaliteServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outage scenarios with the server's messages on DynamoDB (dynalite) and its endpoint going away: the store is
 * reached through a {@link TcpProxy} that stops as a stopped endpoint does (connections refused, open ones reset)
 * and comes back on the same address with the data intact.
 *
 * <p>Until the composition root offers {@code CHAT_STORE=dynamodb}, the server's message store is replaced with
 * the DynamoDB one through the same seam the other fault tests use. The SDK gets one retry, not the default three:
 * retries would only bridge the flapping test's short outages. A request cut after DynamoDB applied it is a
 * lost answer: the server answers 500 and broadcasts nothing, but the message is stored — see
 * {@link #storeCanLoseAnswers()}.
 */
class DynamoDbEndpointOutageTest extends StoreOutageScenarios {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private TcpProxy endpoint;
    private DynamoDbChatStorage storage;
    private LiveServer server;

    @BeforeAll
    void startServer() {
        endpoint = new TcpProxy(DYNALITE.endpoint());
        endpoint.start();
        storage = DynamoDbChatStorage.builder()
                .settings(DynamoDbSettings.defaults().withEndpoint(endpoint.endpoint())
                        .withRetries(2, Duration.ofSeconds(3), Duration.ofSeconds(6)))
                .build()
                .createTablesIfMissing();
        server = LiveServer.start(Map.of("CHAT_STORE", "memory"), memory -> storage.messageStore());
    }

    @AfterAll
    void stopServer() {
        server.close();
        storage.close();
        endpoint.close();
    }

    @Override
    protected LiveServer server() {
        return server;
    }

    @Override
    protected void breakStore() {
        endpoint.stop();
    }

    @Override
    protected void mendStore() {
        endpoint.start();
    }

    @Override
    protected boolean storeCanLoseAnswers() {
        return true;
    }
}
