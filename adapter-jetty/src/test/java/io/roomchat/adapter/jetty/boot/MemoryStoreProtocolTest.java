package io.roomchat.adapter.jetty.boot;

import io.roomchat.testkit.protocol.ProtocolScenarios;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every protocol scenario against the self-hosted server on the in-memory store. */
class MemoryStoreProtocolTest extends ProtocolScenarios {
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
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
}
