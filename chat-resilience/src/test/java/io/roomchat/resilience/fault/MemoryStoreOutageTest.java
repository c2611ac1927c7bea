package io.roomchat.resilience.fault;

import io.roomchat.core.port.out.ChatStorageException;
import java.util.Map;

/** The memory store failing as its port allows: with {@link ChatStorageException}. */
class MemoryStoreOutageTest extends BrokenStoreOutages {
    @Override
    Map<String, String> settings() {
        return Map.of("CHAT_STORE", "memory");
    }

    @Override
    RuntimeException failure() {
        return new ChatStorageException("store unreachable: " + SECRET_DETAIL);
    }
}
