package io.roomchat.adapter.jetty.boot;

import io.roomchat.testkit.PostgresServer;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every protocol scenario (posts, history, edits over real WebSockets) against the self-hosted server storing
 * messages in PostgreSQL (a real server on loopback), started from the settings an operator gives.
 */
class PostgresStoreProtocolTest extends SelfHostedProtocolScenarios {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();
    private static String url;

    @Override
    protected Map<String, String> storeSettings() {
        if (url == null) {
            url = POSTGRES.newDatabase();
        }
        return Map.of("CHAT_STORE", "postgres", "CHAT_DATABASE_URL", url,
                "CHAT_DATABASE_USER", PostgresServer.USER, "CHAT_DATABASE_PASSWORD", "unused-with-trust");
    }
}
