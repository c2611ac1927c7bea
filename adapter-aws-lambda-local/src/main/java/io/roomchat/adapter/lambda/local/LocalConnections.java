package io.roomchat.adapter.lambda.local;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections, by API Gateway connection id. A connection not here is gone (410). */
final class LocalConnections {
    private final Map<String, LocalSocket> open = new ConcurrentHashMap<>();

    void opened(String connectionId, LocalSocket socket) {
        open.put(connectionId, socket);
    }

    void closed(String connectionId) {
        open.remove(connectionId);
    }

    Optional<LocalSocket> find(String connectionId) {
        return Optional.ofNullable(open.get(connectionId));
    }

    int count() {
        return open.size();
    }
}
