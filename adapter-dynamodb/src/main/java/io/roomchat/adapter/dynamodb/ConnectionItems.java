package io.roomchat.adapter.dynamodb;

import static io.roomchat.adapter.dynamodb.ChatTables.CONNECTED_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.CONNECTION_ID;
import static io.roomchat.adapter.dynamodb.ChatTables.EXPIRES_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.NAME;
import static io.roomchat.adapter.dynamodb.ChatTables.ROOM;
import static io.roomchat.adapter.dynamodb.ChatTables.TOKEN_EXPIRES_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.USER_ID;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Connection records as items: the original's attributes, plus {@code expiresAt} for DynamoDB's TTL and
 * {@code tokenExpiresAt}, the token's own expiry.
 */
final class ConnectionItems {
    private ConnectionItems() {
    }

    static Map<String, AttributeValue> key(ConnectionId id) {
        return Map.of(CONNECTION_ID, AttributeValue.fromS(id.value()));
    }

    static Map<String, AttributeValue> item(Connection connection, Duration lifetime) {
        Map<String, AttributeValue> item = new HashMap<>(key(connection.id()));
        item.put(USER_ID, AttributeValue.fromS(connection.userId().value()));
        item.put(CONNECTED_AT, AttributeValue.fromS(connection.connectedAt().toString()));
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt(connection.connectedAt(), lifetime))));
        connection.tokenExpiry().ifPresent(exp -> item.put(TOKEN_EXPIRES_AT, AttributeValue.fromS(exp.toString())));
        connection.currentMembership().ifPresent(membership -> {
            item.put(ROOM, AttributeValue.fromS(membership.room().value()));
            item.put(NAME, AttributeValue.fromS(membership.name().value()));
        });
        return item;
    }

    /** TTL wants whole epoch seconds; rounding up never expires a record early. */
    static long expiresAt(Instant connectedAt, Duration lifetime) {
        Instant expiry = connectedAt.plus(lifetime);
        return expiry.getNano() == 0 ? expiry.getEpochSecond() : expiry.getEpochSecond() + 1;
    }

    static Connection connection(Map<String, AttributeValue> item) {
        try {
            String room = StoredItems.optionalString(item, ROOM);
            String name = StoredItems.optionalString(item, NAME);
            Membership membership = room == null || name == null
                    ? null
                    : new Membership(new RoomName(room), new DisplayName(name));
            String tokenExpiresAt = StoredItems.optionalString(item, TOKEN_EXPIRES_AT);
            return new Connection(new ConnectionId(StoredItems.string(item, CONNECTION_ID)),
                    new UserId(StoredItems.string(item, USER_ID)),
                    Instant.parse(StoredItems.string(item, CONNECTED_AT)),
                    membership,
                    tokenExpiresAt == null ? null : Instant.parse(tokenExpiresAt));
        } catch (IllegalArgumentException | DateTimeParseException invalid) {
            throw new ChatStorageException("stored connection record is invalid", invalid);
        }
    }
}
