package io.roomchat.adapter.inmemory;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ConnectionStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Connection records by id, plus an index of each room's members.
 *
 * <p>Every change to a connection runs inside {@code byId.compute} on its id, so changes to one connection are
 * serialised and a move between rooms is one step. A room's member map is only changed inside
 * {@code rooms.compute} on the room's name, so an empty room can be dropped without losing a concurrent join.
 * Locks are always taken in that order (connection, then room). Reading a room takes no lock.
 */
final class InMemoryConnectionStore implements ConnectionStore {
    private final ConcurrentMap<ConnectionId, Connection> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<RoomName, ConcurrentMap<ConnectionId, Connection>> rooms = new ConcurrentHashMap<>();

    @Override
    public void add(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        byId.compute(connection.id(), (id, previous) -> {
            leaveRoom(previous);
            enterRoom(connection);
            return connection;
        });
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Connection> join(ConnectionId id, Membership membership) {
        Objects.requireNonNull(membership, "membership");
        return Optional.ofNullable(byId.computeIfPresent(id, (key, current) -> {
            Connection moved = current.joining(membership);
            // Out of the old room first: a connection is never listed in two rooms at once.
            leaveRoom(current);
            enterRoom(moved);
            return moved;
        }));
    }

    @Override
    public void remove(ConnectionId id) {
        byId.computeIfPresent(id, (key, current) -> {
            leaveRoom(current);
            return null;
        });
    }

    @Override
    public List<Connection> inRoom(RoomName room) {
        ConcurrentMap<ConnectionId, Connection> members = rooms.get(room);
        return members == null ? List.of() : List.copyOf(members.values());
    }

    private void enterRoom(Connection connection) {
        connection.currentMembership().ifPresent(membership -> rooms.compute(membership.room(), (room, members) -> {
            ConcurrentMap<ConnectionId, Connection> present = members == null ? new ConcurrentHashMap<>() : members;
            present.put(connection.id(), connection);
            return present;
        }));
    }

    private void leaveRoom(Connection connection) {
        if (connection == null) {
            return;
        }
        connection.currentMembership().ifPresent(membership -> rooms.computeIfPresent(membership.room(),
                (room, members) -> {
                    members.remove(connection.id());
                    return members.isEmpty() ? null : members;
                }));
    }
}
