package io.roomchat.core.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection record: who is connected, since when, which protocol it speaks, and the rooms it is in with the
 * name it shows in each. A v1 connection is in at most one room; the core keeps that so.
 */
public record Connection(ConnectionId id, UserId userId, Instant connectedAt, Protocol protocol,
                         Map<RoomName, DisplayName> rooms) {
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(protocol, "protocol");
        rooms = Map.copyOf(rooms);
    }

    /** A v1 connection in no room. */
    public static Connection opened(ConnectionId id, UserId userId, Instant connectedAt) {
        return opened(id, userId, connectedAt, Protocol.V1);
    }

    public static Connection opened(ConnectionId id, UserId userId, Instant connectedAt, Protocol protocol) {
        return new Connection(id, userId, connectedAt, protocol, Map.of());
    }

    /** In one more room, or under a new name in a room it was already in. */
    public Connection joining(Membership membership) {
        Map<RoomName, DisplayName> more = new HashMap<>(rooms);
        more.put(membership.room(), membership.name());
        return withRooms(more);
    }

    /** In {@code membership}'s room only: v1's {@code onJoin}. */
    public Connection switchingTo(Membership membership) {
        return withRooms(Map.of(membership.room(), membership.name()));
    }

    public Connection leaving(RoomName room) {
        Map<RoomName, DisplayName> fewer = new HashMap<>(rooms);
        fewer.remove(room);
        return withRooms(fewer);
    }

    public boolean isIn(RoomName room) {
        return rooms.containsKey(room);
    }

    /** Its membership of {@code room}, if it is in it. */
    public Optional<Member> memberOf(RoomName room) {
        return Optional.ofNullable(rooms.get(room)).map(name -> new Member(id, userId, name, protocol));
    }

    private Connection withRooms(Map<RoomName, DisplayName> newRooms) {
        return new Connection(id, userId, connectedAt, protocol, newRooms);
    }
}
