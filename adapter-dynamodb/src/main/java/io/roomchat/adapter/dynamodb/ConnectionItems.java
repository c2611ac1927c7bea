package io.roomchat.adapter.dynamodb;

import static io.roomchat.adapter.dynamodb.ChatTables.CONNECTED_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.CONNECTION_ID;
import static io.roomchat.adapter.dynamodb.ChatTables.EXPIRES_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.KEY_SEPARATOR;
import static io.roomchat.adapter.dynamodb.ChatTables.MEMBER;
import static io.roomchat.adapter.dynamodb.ChatTables.MEMBER_PREFIX;
import static io.roomchat.adapter.dynamodb.ChatTables.NAME;
import static io.roomchat.adapter.dynamodb.ChatTables.PRESENCE_PREFIX;
import static io.roomchat.adapter.dynamodb.ChatTables.PROTOCOL;
import static io.roomchat.adapter.dynamodb.ChatTables.ROOM;
import static io.roomchat.adapter.dynamodb.ChatTables.ROOMS;
import static io.roomchat.adapter.dynamodb.ChatTables.TOKEN_EXPIRES_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.GRANT_MODERATES;
import static io.roomchat.adapter.dynamodb.ChatTables.GRANT_ROOMS;
import static io.roomchat.adapter.dynamodb.ChatTables.USER_ID;

import io.roomchat.core.domain.AccessGrants;
import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPattern;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Connection records, membership and presence items as items (their shapes are in {@link ChatTables}), all with
 * {@code expiresAt} for DynamoDB's TTL: a connection that vanished without a disconnect expires with its items.
 * A record also keeps {@code tokenExpiresAt}, the token's own expiry.
 */
final class ConnectionItems {
    private ConnectionItems() {
    }

    static Map<String, AttributeValue> key(ConnectionId id) {
        return key(id.value());
    }

    static Map<String, AttributeValue> membershipKey(RoomName room, ConnectionId id) {
        return key(MEMBER_PREFIX + room.value() + KEY_SEPARATOR + id.value());
    }

    static Map<String, AttributeValue> presenceKey(RoomName room, UserId user) {
        return key(PRESENCE_PREFIX + room.value() + KEY_SEPARATOR + user.value());
    }

    private static Map<String, AttributeValue> key(String value) {
        return Map.of(CONNECTION_ID, AttributeValue.fromS(value));
    }

    static Map<String, AttributeValue> item(Connection connection, Duration lifetime) {
        Map<String, AttributeValue> item = new HashMap<>(key(connection.id()));
        item.put(USER_ID, AttributeValue.fromS(connection.userId().value()));
        item.put(CONNECTED_AT, AttributeValue.fromS(connection.connectedAt().toString()));
        item.put(PROTOCOL, protocol(connection.protocol()));
        item.put(EXPIRES_AT, expiresAt(connection, lifetime));
        Map<String, AttributeValue> rooms = new HashMap<>();
        connection.rooms().forEach((room, name) -> rooms.put(room.value(), AttributeValue.fromS(name.value())));
        item.put(ROOMS, AttributeValue.fromM(rooms));
        connection.tokenExpiry().ifPresent(exp -> item.put(TOKEN_EXPIRES_AT, AttributeValue.fromS(exp.toString())));
        // Later frames (a moderator's delete or kick) are fresh calls that know the connection by this record only.
        connection.grants().rooms().ifPresent(granted -> item.put(GRANT_ROOMS, patterns(granted)));
        if (!connection.grants().moderates().isEmpty()) {
            item.put(GRANT_MODERATES, patterns(connection.grants().moderates()));
        }
        return item;
    }

    /** The item that lists {@code member} in {@code room}'s index, expiring with its connection's record. */
    static Map<String, AttributeValue> membershipItem(RoomName room, Member member, AttributeValue expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(membershipKey(room, member.connectionId()));
        item.put(ROOM, AttributeValue.fromS(room.value()));
        item.put(MEMBER, AttributeValue.fromS(member.connectionId().value()));
        item.put(USER_ID, AttributeValue.fromS(member.userId().value()));
        item.put(NAME, AttributeValue.fromS(member.name().value()));
        item.put(PROTOCOL, protocol(member.protocol()));
        item.put(EXPIRES_AT, expiresAt);
        return item;
    }

    static AttributeValue expiresAt(Connection connection, Duration lifetime) {
        return AttributeValue.fromN(Long.toString(expiresAt(connection.connectedAt(), lifetime)));
    }

    /** TTL wants whole epoch seconds; rounding up never expires a record early. */
    static long expiresAt(Instant connectedAt, Duration lifetime) {
        Instant expiry = connectedAt.plus(lifetime);
        return expiry.getNano() == 0 ? expiry.getEpochSecond() : expiry.getEpochSecond() + 1;
    }

    private static AttributeValue protocol(Protocol protocol) {
        return AttributeValue.fromN(protocol == Protocol.V2 ? "2" : "1");
    }

    private static AttributeValue patterns(List<RoomPattern> patterns) {
        return AttributeValue.fromL(patterns.stream().map(pattern -> AttributeValue.fromS(pattern.value())).toList());
    }

    private static Optional<List<RoomPattern>> patterns(Map<String, AttributeValue> item, String attribute) {
        AttributeValue stored = item.get(attribute);
        if (stored == null || !stored.hasL()) {
            return Optional.empty();
        }
        return Optional.of(stored.l().stream().map(value -> new RoomPattern(value.s())).toList());
    }

    /** Records written before grants existed have none: their tokens granted nothing. */
    private static AccessGrants grants(Map<String, AttributeValue> item) {
        return new AccessGrants(patterns(item, GRANT_ROOMS), patterns(item, GRANT_MODERATES).orElse(List.of()));
    }

    static Connection connection(Map<String, AttributeValue> item) {
        try {
            Map<RoomName, DisplayName> rooms = new HashMap<>();
            AttributeValue stored = item.get(ROOMS);
            String legacyRoom = StoredItems.optionalString(item, ROOM);
            if (stored != null && stored.hasM()) {
                stored.m().forEach((room, name) -> rooms.put(new RoomName(room), new DisplayName(name.s())));
            } else if (legacyRoom != null) {
                rooms.put(new RoomName(legacyRoom), new DisplayName(StoredItems.string(item, NAME)));
            }
            String tokenExpiresAt = StoredItems.optionalString(item, TOKEN_EXPIRES_AT);
            return new Connection(new ConnectionId(StoredItems.string(item, CONNECTION_ID)),
                    new UserId(StoredItems.string(item, USER_ID)),
                    Instant.parse(StoredItems.string(item, CONNECTED_AT)),
                    protocol(item), rooms,
                    tokenExpiresAt == null ? null : Instant.parse(tokenExpiresAt), grants(item));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException invalid) {
            throw new ChatStorageException("stored connection record is invalid", invalid);
        }
    }

    /** A membership item; or a record of the release before v2, which kept its one room on itself (a v1 member). */
    static Member member(Map<String, AttributeValue> membershipItem) {
        try {
            String member = StoredItems.optionalString(membershipItem, MEMBER);
            return new Member(new ConnectionId(member != null ? member : StoredItems.string(membershipItem, CONNECTION_ID)),
                    new UserId(StoredItems.string(membershipItem, USER_ID)),
                    new DisplayName(StoredItems.string(membershipItem, NAME)),
                    protocol(membershipItem));
        } catch (IllegalArgumentException invalid) {
            throw new ChatStorageException("stored membership item is invalid", invalid);
        }
    }

    /** Records written before protocol v2 have no protocol attribute: they are v1. */
    private static Protocol protocol(Map<String, AttributeValue> item) {
        AttributeValue protocol = item.get(PROTOCOL);
        return protocol != null && "2".equals(protocol.n()) ? Protocol.V2 : Protocol.V1;
    }
}
