package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Departure;
import io.roomchat.core.port.out.JoinOutcome;
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
    public JoinOutcome join(ConnectionId id, Membership membership, int maxRooms) {
        return delegate.join(id, membership, maxRooms);
    }

    @Override
    public JoinOutcome switchTo(ConnectionId id, Membership membership) {
        return delegate.switchTo(id, membership);
    }

    @Override
    public Optional<Departure> leave(ConnectionId id, RoomName room) {
        return delegate.leave(id, room);
    }

    @Override
    public List<Departure> remove(ConnectionId id) {
        List<Departure> departures = delegate.remove(id);
        stored.remove(id);
        return departures;
    }

    @Override
    public List<Member> inRoom(RoomName room) {
        return delegate.inRoom(room);
    }
}
