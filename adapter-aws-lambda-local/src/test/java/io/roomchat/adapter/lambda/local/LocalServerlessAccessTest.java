package io.roomchat.adapter.lambda.local;

import io.roomchat.testkit.DynaliteServer;
import io.roomchat.testkit.ShiftedClock;
import io.roomchat.testkit.protocol.AccessScenarios;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Access and moderation through the serverless flavour: the stand-in for API Gateway, the Lambda handlers and
 * DynamoDB (dynalite), where every frame is a fresh call that knows its connection by the stored record only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalServerlessAccessTest extends AccessScenarios {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private final ShiftedClock clock = new ShiftedClock();
    private LocalServerless local;

    @BeforeAll
    void start() throws Exception {
        local = StandIns.on(DYNALITE).clock(clock).start();
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
    protected String tokenFor(String userId, Map<String, ?> claims) {
        return StandIns.tokenFor(userId, claims);
    }

    /** API Gateway cannot send a close code: {@code DELETE @connections} closes the socket as the stand-in does. */
    @Override
    protected int kickedV1CloseCode() {
        return 1000;
    }

    @Override
    protected void letTimePass(Duration duration) {
        clock.advance(duration);
    }
}
