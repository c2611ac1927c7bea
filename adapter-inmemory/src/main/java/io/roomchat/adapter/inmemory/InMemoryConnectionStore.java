package io.roomchat.adapter.inmemory;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPresence;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Departure;
import io.roomchat.core.port.out.JoinOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Connection records by id, plus an index of each room's members and of how many connections each user present
 * has there.
 *
 * <p>Every change to a connection runs inside {@code byId.compute} on its id, so changes to one connection are
 * serialised and a switch between rooms is one step. A room's index is only changed inside {@code rooms.compute}
 * on the room's name, so an empty room can be dropped without losing a concurrent join, and a user's count in a
 * room changes atomically: the write that takes it from 0 to 1 is the user's first in, the one that takes it to 0
 * the last out. Locks are always taken in that order (connection, then room). Reading a room takes no lock.
 */
final class InMemoryConnectionStore implements ConnectionStore {
    private final ConcurrentMap<ConnectionId, Connection> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<RoomName, RoomIndex> rooms = new ConcurrentHashMap<>();

    /** One room's connections and, per user present, how many of them are that user's. */
    private static final class RoomIndex {
        final ConcurrentMap<ConnectionId, Member> members = new ConcurrentHashMap<>();
        final ConcurrentMap<UserId, Integer> connectionsPerUser = new ConcurrentHashMap<>();
    }

    @Override
    public void add(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        byId.compute(connection.id(), (id, previous) -> {
            if (previous != null) {
                previous.rooms().keySet().forEach(room -> exit(previous, room));
            }
            connection.rooms().keySet().forEach(room -> enter(connection, room));
            return connection;
        });
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public JoinOutcome join(ConnectionId id, Membership membership, int maxRooms) {
        Objects.requireNonNull(membership, "membership");
        JoinOutcome[] outcome = {new JoinOutcome.UnknownConnection()};
        byId.computeIfPresent(id, (key, current) -> {
            if (!current.isIn(membership.room()) && current.rooms().size() >= maxRooms) {
                outcome[0] = new JoinOutcome.TooManyRooms();
                return current;
            }
            Connection joined = current.joining(membership);
            outcome[0] = new JoinOutcome.Joined(joined, enter(joined, membership.room()), List.of());
            return joined;
        });
        return outcome[0];
    }

    @Override
    public JoinOutcome switchTo(ConnectionId id, Membership membership) {
        Objects.requireNonNull(membership, "membership");
        JoinOutcome[] outcome = {new JoinOutcome.UnknownConnection()};
        byId.computeIfPresent(id, (key, current) -> {
            List<Departure> left = new ArrayList<>();
            for (RoomName room : current.rooms().keySet()) {
                if (!room.equals(membership.room())) {
                    exit(current, room).ifPresent(left::add);
                }
            }
            Connection switched = current.switchingTo(membership);
            outcome[0] = new JoinOutcome.Joined(switched, enter(switched, membership.room()), left);
            return switched;
        });
        return outcome[0];
    }

    @Override
    public Optional<Departure> leave(ConnectionId id, RoomName room) {
        Objects.requireNonNull(room, "room");
        List<Departure> left = new ArrayList<>(1);
        byId.computeIfPresent(id, (key, current) -> {
            if (!current.isIn(room)) {
                return current;
            }
            exit(current, room).ifPresent(left::add);
            return current.leaving(room);
        });
        return left.stream().findFirst();
    }

    @Override
    public List<Departure> remove(ConnectionId id) {
        List<Departure> left = new ArrayList<>();
        byId.computeIfPresent(id, (key, current) -> {
            current.rooms().keySet().forEach(room -> exit(current, room).ifPresent(left::add));
            return null;
        });
        return left;
    }

    @Override
    public List<Member> inRoom(RoomName room) {
        RoomIndex index = rooms.get(room);
        return index == null ? List.of() : List.copyOf(index.members.values());
    }

    /**
     * Read under the room's lock, so the count and the list agree; the count is the index's size, so a room too
     * busy for presence is told so without going through its members.
     */
    @Override
    public RoomPresence presence(RoomName room, int maxListed) {
        RoomPresence[] presence = {new RoomPresence(0, List.of())};
        rooms.computeIfPresent(room, (name, index) -> {
            var listed = RoomPresence.of(maxListed == 0 ? List.of() : index.members.values(), maxListed).listed();
            presence[0] = new RoomPresence(index.connectionsPerUser.size(), listed);
            return index;
        });
        return presence[0];
    }

    /** Lists the connection in {@code room} under its name there; true when it is its user's first there. */
    private boolean enter(Connection connection, RoomName room) {
        Member member = connection.memberOf(room).orElseThrow();
        boolean[] first = {false};
        rooms.compute(room, (name, existing) -> {
            RoomIndex index = existing == null ? new RoomIndex() : existing;
            if (index.members.put(connection.id(), member) == null) {
                first[0] = index.connectionsPerUser.merge(connection.userId(), 1, Integer::sum) == 1;
            }
            return index;
        });
        return first[0];
    }

    private Optional<Departure> exit(Connection connection, RoomName room) {
        List<Departure> left = new ArrayList<>(1);
        rooms.computeIfPresent(room, (name, index) -> {
            Member member = index.members.remove(connection.id());
            if (member != null) {
                boolean last = index.connectionsPerUser.computeIfPresent(connection.userId(),
                        (user, count) -> count == 1 ? null : count - 1) == null;
                left.add(new Departure(room, member, last));
            }
            return index.members.isEmpty() ? null : index;
        });
        return left.stream().findFirst();
    }
}
