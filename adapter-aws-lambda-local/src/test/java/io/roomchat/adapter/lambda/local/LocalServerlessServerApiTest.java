package io.roomchat.adapter.lambda.local;

import io.roomchat.testkit.DynaliteServer;
import io.roomchat.testkit.protocol.ServerApiScenarios;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server API's scenarios through the serverless flavour: real HTTP to the stand-in's HTTP route, the server API
 * function's own handler, DynamoDB (dynalite), fan-out through the local SNS topic to real WebSocket members.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalServerlessServerApiTest extends ServerApiScenarios {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private LocalServerless local;

    @BeforeAll
    void start() throws Exception {
        local = StandIns.on(DYNALITE).start();
    }

    @AfterAll
    void stop() {
        local.close();
    }

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
