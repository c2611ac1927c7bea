package io.roomchat.adapter.jetty.boot;

import java.util.Map;

/** Access and moderation against the self-hosted server on the in-memory store, claims under their default names. */
class MemoryStoreAccessTest extends SelfHostedAccessScenarios {

    @Override
    protected Map<String, String> storeSettings() {
        return Map.of("CHAT_STORE", "memory");
    }
}
