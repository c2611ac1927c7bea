package io.roomchat.adapter.jetty.boot;

import io.roomchat.testkit.protocol.ServerApiScenarios;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The server API's scenarios against one self-hosted server per store, started as {@code java -jar} would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SelfHostedServerApiScenarios extends ServerApiScenarios {
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
