package io.roomchat.resilience.fault;

import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.DynaliteServer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outage scenarios on {@code CHAT_STORE=dynamodb} (dynalite) with the DynamoDB endpoint going away: the server
 * reaches dynalite through a {@link TcpProxy} that stops as a stopped endpoint does (connections refused, open ones
 * reset) and comes back on the same address, the tables intact. The SDK's retries (four attempts) bridge short
 * outages, so the flapping test's outages are long enough to outlast them.
 *
 * <p>A request whose answer the outage cut after DynamoDB applied it, and whose retries all failed, is a lost
 * answer: the server answers 500 and broadcasts nothing, but the message is stored — see
 * {@link #storeCanLoseAnswers()}.
 */
class DynamoDbEndpointOutageTest extends StoreOutageScenarios {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private TcpProxy endpoint;
    private LiveServer server;

    @BeforeAll
    void startServer() {
        endpoint = new TcpProxy(DYNALITE.endpoint());
        endpoint.start();
        server = LiveServer.start(Map.of("CHAT_STORE", "dynamodb",
                "CHAT_DYNAMODB_ENDPOINT", endpoint.endpoint().toString()));
    }

    @AfterAll
    void stopServer() {
        server.close();
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

    @Override
    protected long outageMillis(Random random) {
        return 1_000 + random.nextInt(400);
    }
}
