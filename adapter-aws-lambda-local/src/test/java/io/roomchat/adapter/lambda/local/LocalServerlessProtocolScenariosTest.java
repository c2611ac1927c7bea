package io.roomchat.adapter.lambda.local;

import io.roomchat.testkit.DynaliteServer;
import io.roomchat.testkit.protocol.ProtocolScenarios;
import io.roomchat.testkit.protocol.ServerApiScenarios;
import io.roomchat.testkit.protocol.V2ProtocolScenarios;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The wire protocol's end-to-end scenarios, as the self-hosted server passes them, through the serverless flavour:
 * real WebSocket clients, the stand-in for API Gateway, the Lambda handlers, the real SDK clients over HTTP to the
 * local Management API and SNS topic, and DynamoDB (dynalite); v1's here, v2's and the server API's nested, on one
 * stand-in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalServerlessProtocolScenariosTest extends ProtocolScenarios {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private LocalServerless local;

    @BeforeAll
    void start() throws Exception {
        local = StandIns.on(DYNALITE).start();
    }

    @AfterAll
    void stop() throws Exception {
        local.close();
    }

    @Override
    protected URI endpoint() {
        return local.webSocketUri();
    }

    @Override
    protected String tokenFor(String userId) {
        return StandIns.tokenFor(userId);
    }

    /** SNS and concurrent Lambda invocations promise no order; clients sort by postedAt. */
    @Override
    protected boolean ordersEventsPerRoom() {
        return false;
    }

    /** The v2 scenarios on the same stand-in. */
    @Nested
    class ProtocolV2 extends V2ProtocolScenarios {
        @Override
        protected URI endpoint() {
            return local.webSocketUri();
        }

        @Override
        protected String tokenFor(String userId) {
            return StandIns.tokenFor(userId);
        }

        /** SNS and concurrent Lambda invocations promise no order; clients sort by {@code seq}. */
        @Override
        protected boolean ordersEventsPerRoom() {
            return false;
        }

        /** The join function's catch-up and the SNS fan-out of a change made meanwhile do not share one order. */
        @Override
        protected boolean resumeMayRepeatAChange() {
            return true;
        }
    }

    /**
     * The server API through the same stand-in: real HTTP to its HTTP route, the server API function's own handler,
     * DynamoDB, fan-out through the local SNS topic to real WebSocket members.
     */
    @Nested
    class ServerApi extends ServerApiScenarios {
        @Override
        protected URI httpBase() {
            return URI.create("http://127.0.0.1:" + local.port() + "/");
        }

        @Override
        protected URI webSocketEndpoint() {
            return local.webSocketUri();
        }

        @Override
        protected String tokenFor(String userId) {
            return StandIns.tokenFor(userId);
        }

        @Override
        protected String tokenWithScope(String userId, String scope) {
            return StandIns.tokenWithScope(userId, scope);
        }
    }
}
