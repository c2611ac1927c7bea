package io.roomchat.core.application;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Departure;
import io.roomchat.core.port.out.JoinOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simplest correct connection store, for the core's own tests: every operation under one lock. */
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
    public synchronized JoinOutcome join(ConnectionId id, Membership membership, int maxRooms) {
        Connection current = byId.get(id);
        if (current == null) {
            return new JoinOutcome.UnknownConnection();
        }
        if (!current.isIn(membership.room()) && current.rooms().size() >= maxRooms) {
            return new JoinOutcome.TooManyRooms();
        }
        boolean first = !present(current.userId(), membership.room());
        Connection joined = current.joining(membership);
        byId.put(id, joined);
        return new JoinOutcome.Joined(joined, first, List.of());
    }

    @Override
    public synchronized JoinOutcome switchTo(ConnectionId id, Membership membership) {
        Connection current = byId.get(id);
        if (current == null) {
            return new JoinOutcome.UnknownConnection();
        }
        List<Departure> left = new ArrayList<>();
        for (RoomName room : current.rooms().keySet()) {
            if (!room.equals(membership.room())) {
                left.add(leave(id, room).orElseThrow());
            }
        }
        var joined = (JoinOutcome.Joined) join(id, membership, 1);
        return new JoinOutcome.Joined(joined.connection(), joined.firstOfUser(), left);
    }

    @Override
    public synchronized Optional<Departure> leave(ConnectionId id, RoomName room) {
        Connection current = byId.get(id);
        if (current == null || !current.isIn(room)) {
            return Optional.empty();
        }
        Member member = current.memberOf(room).orElseThrow();
        byId.put(id, current.leaving(room));
        return Optional.of(new Departure(room, member, !present(current.userId(), room)));
    }

    @Override
    public synchronized List<Departure> remove(ConnectionId id) {
        Connection current = byId.get(id);
        if (current == null) {
            return List.of();
        }
        List<Departure> departures = new ArrayList<>();
        for (RoomName room : current.rooms().keySet()) {
            departures.add(leave(id, room).orElseThrow());
        }
        byId.remove(id);
        return departures;
    }

    @Override
    public synchronized List<Member> inRoom(RoomName room) {
        return byId.values().stream().flatMap(c -> c.memberOf(room).stream()).toList();
    }

    private boolean present(UserId user, RoomName room) {
        return byId.values().stream().anyMatch(c -> c.userId().equals(user) && c.isIn(room));
    }

    synchronized int size() {
        return byId.size();
    }
}
