package io.roomchat.adapter.jetty.boot;

import io.roomchat.testkit.protocol.ProtocolScenarios;
import io.roomchat.testkit.protocol.ServerApiScenarios;
import io.roomchat.testkit.protocol.V2ProtocolScenarios;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The protocol scenarios, v1 and (nested) v2, and the server API's, against one self-hosted server per store,
 * started as {@code java -jar} would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SelfHostedProtocolScenarios extends ProtocolScenarios {
    private TestServer server;

    /** The store's settings, as environment variables. */
    protected abstract Map<String, String> storeSettings();

    @BeforeAll
    void startServer() {
        server = TestServer.start(storeSettings());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Override
    protected URI endpoint() {
        return server.webSocket();
    }

    @Override
    protected String tokenFor(String userId) {
        return TestServer.tokenFor(userId);
    }

    /** The v2 scenarios against the same server. */
    @Nested
    class ProtocolV2 extends V2ProtocolScenarios {
        @Override
        protected URI endpoint() {
            return server.webSocket();
        }

        @Override
        protected String tokenFor(String userId) {
            return TestServer.tokenFor(userId);
        }
    }

    /** The server API on the same server and store. */
    @Nested
    class ServerApi extends ServerApiScenarios {
        @Override
        protected URI httpBase() {
            return server.http("/");
        }

        @Override
        protected URI webSocketEndpoint() {
            return server.webSocket();
        }

        @Override
        protected String tokenFor(String userId) {
            return TestServer.tokenFor(userId);
        }

        @Override
        protected String tokenWithScope(String userId, String scope) {
            return TestServer.tokenWithScope(userId, scope);
        }
    }
}
