package io.roomchat.core.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection record: who is connected, since when, which protocol it speaks, the rooms it is in with the name it
 * shows in each, when the token it was opened with runs out (if it does) and what that token grants (the room
 * policy asks again on later frames: a moderator's delete or kick). A v1 connection is in at most one room; the
 * core keeps that so.
 */
public record Connection(ConnectionId id, UserId userId, Instant connectedAt, Protocol protocol,
                         Map<RoomName, DisplayName> rooms, Instant tokenExpiresAt, AccessGrants grants) {
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(grants, "grants");
        rooms = Map.copyOf(rooms);
    }

    /** A connection whose token granted nothing. */
    public Connection(ConnectionId id, UserId userId, Instant connectedAt, Protocol protocol,
                      Map<RoomName, DisplayName> rooms, Instant tokenExpiresAt) {
        this(id, userId, connectedAt, protocol, rooms, tokenExpiresAt, AccessGrants.NONE);
    }

    /** A v1 connection in no room, whose token does not run out. */
    public static Connection opened(ConnectionId id, UserId userId, Instant connectedAt) {
        return opened(id, userId, connectedAt, Protocol.V1);
    }

    /** A connection in no room, whose token does not run out. */
    public static Connection opened(ConnectionId id, UserId userId, Instant connectedAt, Protocol protocol) {
        return new Connection(id, userId, connectedAt, protocol, Map.of(), null);
    }

    /** A v1 connection in no room, open until the identity's token runs out. */
    public static Connection opened(ConnectionId id, Identity identity, Instant connectedAt) {
        return opened(id, identity, connectedAt, Protocol.V1);
    }

    /** A connection in no room, open until the identity's token runs out. */
    public static Connection opened(ConnectionId id, Identity identity, Instant connectedAt, Protocol protocol) {
        return new Connection(id, identity.userId(), connectedAt, protocol, Map.of(),
                identity.expiresAt().orElse(null), identity.grants());
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

    /** Who opened it, as its token said: what the room policy judges. */
    public Identity identity() {
        return new Identity(userId, tokenExpiry(), grants);
    }

    public Optional<Instant> tokenExpiry() {
        return Optional.ofNullable(tokenExpiresAt);
    }

    /** The token's {@code exp} has come: from then on the connection may do nothing more and is closed. */
    public boolean tokenExpiredAt(Instant now) {
        return tokenExpiresAt != null && !now.isBefore(tokenExpiresAt);
    }

    private Connection withRooms(Map<RoomName, DisplayName> newRooms) {
        return new Connection(id, userId, connectedAt, protocol, newRooms, tokenExpiresAt, grants);
    }
}
