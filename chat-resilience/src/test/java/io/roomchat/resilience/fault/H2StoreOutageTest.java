package io.roomchat.resilience.fault;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The H2 store (the default) failing with an exception nobody planned for: the core must still answer 500. */
class H2StoreOutageTest extends BrokenStoreOutages {
    @TempDir
    static Path dataDir;

    @Override
    Map<String, String> settings() {
        return Map.of("CHAT_STORE", "h2", "CHAT_DATA_DIR", dataDir.toString());
    }

    @Override
    RuntimeException failure() {
        return new IllegalStateException("pool exhausted: " + SECRET_DETAIL);
    }
}
