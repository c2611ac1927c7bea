package io.roomchat.adapter.jetty.boot;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access and moderation against the self-hosted server on an H2 file, with namespaced claim names, as Auth0
 * requires them.
 */
class H2StoreAccessTest extends SelfHostedAccessScenarios {
    @TempDir
    static Path dataDir;

    @Override
    protected Map<String, String> storeSettings() {
        return Map.of("CHAT_STORE", "h2", "CHAT_DATA_DIR", dataDir.toString());
    }

    @Override
    protected String roomsClaim() {
        return "https://chat.example.com/rooms";
    }

    @Override
    protected String moderatorClaim() {
        return "https://chat.example.com/mod";
    }
}
