package io.roomchat.adapter.jetty.boot;

import io.roomchat.testkit.ShiftedClock;
import io.roomchat.testkit.protocol.AccessScenarios;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The access and moderation scenarios against one self-hosted server per store, started as {@code java -jar}
 * would but with the core on a clock the test moves forward (a ban lasts minutes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SelfHostedAccessScenarios extends AccessScenarios {
    private final ShiftedClock clock = new ShiftedClock();
    private TestServer server;

    /** The store's settings, as environment variables. */
    protected abstract Map<String, String> storeSettings();

    @BeforeAll
    void startServer() {
        Map<String, String> settings = new HashMap<>(storeSettings());
        settings.put("CHAT_ROOMS_CLAIM", roomsClaim());
        settings.put("CHAT_MODERATOR_CLAIM", moderatorClaim());
        server = TestServer.start(settings, clock);
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
    protected String tokenFor(String userId, Map<String, ?> claims) {
        return TestServer.tokenFor(userId, claims);
    }

    @Override
    protected void letTimePass(Duration duration) {
        clock.advance(duration);
    }
}
