package io.roomchat.core.application;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ConnectionStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simplest correct connection store, for the core's own tests. */
final class FakeConnectionStore implements ConnectionStore {
    private final Map<ConnectionId, Connection> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(Connection connection) {
        byId.put(connection.id(), connection);
    }

    @Override
    public synchronized Optional<Connection> find(ConnectionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Connection> join(ConnectionId id, Membership membership) {
        return Optional.ofNullable(byId.computeIfPresent(id, (key, old) -> old.joining(membership)));
    }

    @Override
    public synchronized void remove(ConnectionId id) {
        byId.remove(id);
    }

    @Override
    public synchronized List<Connection> inRoom(RoomName room) {
        return byId.values().stream().filter(c -> c.isIn(room)).toList();
    }

    synchronized int size() {
        return byId.size();
    }
}
