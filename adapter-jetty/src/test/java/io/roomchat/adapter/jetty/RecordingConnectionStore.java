package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ConnectionStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real in-memory connection store that also remembers which records exist, so a test can count them. */
final class RecordingConnectionStore implements ConnectionStore {
    private final ConnectionStore delegate;
    private final Set<ConnectionId> stored = ConcurrentHashMap.newKeySet();
    private final AtomicInteger added = new AtomicInteger();

    RecordingConnectionStore(ConnectionStore delegate) {
        this.delegate = delegate;
    }

    int storedRecords() {
        return stored.size();
    }

    /** How many records were ever added: one per accepted token. */
    int addedRecords() {
        return added.get();
    }

    @Override
    public void add(Connection connection) {
        delegate.add(connection);
        stored.add(connection.id());
        added.incrementAndGet();
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return delegate.find(id);
    }

    @Override
    public Optional<Connection> join(ConnectionId id, Membership membership) {
        return delegate.join(id, membership);
    }

    @Override
    public void remove(ConnectionId id) {
        delegate.remove(id);
        stored.remove(id);
    }

    @Override
    public List<Connection> inRoom(RoomName room) {
        return delegate.inRoom(room);
    }
}
