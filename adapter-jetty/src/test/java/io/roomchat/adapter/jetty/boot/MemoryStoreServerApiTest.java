package io.roomchat.adapter.jetty.boot;

import java.util.Map;

/** The server API against the self-hosted server on the in-memory store. */
class MemoryStoreServerApiTest extends SelfHostedServerApiScenarios {

    @Override
    protected Map<String, String> storeSettings() {
        return Map.of("CHAT_STORE", "memory");
    }
}
