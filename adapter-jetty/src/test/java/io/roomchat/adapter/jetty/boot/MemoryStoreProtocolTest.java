package io.roomchat.adapter.jetty.boot;

import java.util.Map;

/** Every protocol scenario against the self-hosted server on the in-memory store. */
class MemoryStoreProtocolTest extends SelfHostedProtocolScenarios {

    @Override
    protected Map<String, String> storeSettings() {
        return Map.of("CHAT_STORE", "memory");
    }
}
