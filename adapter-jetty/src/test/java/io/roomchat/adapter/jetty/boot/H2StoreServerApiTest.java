package io.roomchat.adapter.jetty.boot;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The server API against the self-hosted server on its default store, an H2 file. */
class H2StoreServerApiTest extends SelfHostedServerApiScenarios {
    @TempDir
    static Path dataDir;

    @Override
    protected Map<String, String> storeSettings() {
        return Map.of("CHAT_STORE", "h2", "CHAT_DATA_DIR", dataDir.toString());
    }
}
