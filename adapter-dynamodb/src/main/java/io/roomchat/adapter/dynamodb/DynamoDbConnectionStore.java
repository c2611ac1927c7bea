package io.roomchat.adapter.dynamodb;

import static io.roomchat.adapter.dynamodb.ChatTables.CONNECTIONS;
import static io.roomchat.adapter.dynamodb.ChatTables.CONNECTION_ID;
import static io.roomchat.adapter.dynamodb.ChatTables.EXPIRES_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.NAME;
import static io.roomchat.adapter.dynamodb.ChatTables.ROOM;
import static io.roomchat.adapter.dynamodb.ChatTables.ROOMS;
import static io.roomchat.adapter.dynamodb.ChatTables.ROOM_INDEX;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Departure;
import io.roomchat.core.port.out.JoinOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Connection records, one membership item per (connection, room) for the room index, and one presence item per
 * (room, user) — item shapes in {@link ChatTables}. No scan and no transaction (dynalite has none): a join or a
 * leave is a conditional update of the record (which also enforces the room limit), a write of the membership
 * item and one atomic update of the presence item's set of connections. A room name enters a path into the
 * record's rooms map only as a placeholder ({@code #rooms.#room}), so any name is safe there.
 *
 * <p>Presence rule, for racing functions: a join adds the connection to the set and was the user's first in when
 * the set was empty before it; a leave removes it and was the user's last out when the set before it held that
 * connection alone. Each is one conditional-free update whose old value DynamoDB returns atomically, so of two
 * connections of one user leaving at once exactly one sees itself alone, and a repeated write (a retry) changes
 * nothing. A join re-reads the record after its writes, so one that races the connection's disconnect leaves
 * nothing behind. A connection that vanished without a disconnect stays in its sets until a fan-out finds it gone (410),
 * which removes it, or until its items expire.
 */
final class DynamoDbConnectionStore implements ConnectionStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration lifetime;

    DynamoDbConnectionStore(DynamoDbClient dynamo, String table, Duration lifetime) {
        this.dynamo = dynamo;
        this.table = table;
        this.lifetime = lifetime;
    }

    @Override
    public void add(Connection connection) {
        SdkFailures.translated("add connection", () -> {
            dynamo.putItem(put -> put.tableName(table).item(ConnectionItems.item(connection, lifetime)));
        });
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return SdkFailures.translated("find connection", () -> {
            Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                    .key(ConnectionItems.key(id)).consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ConnectionItems.connection(item));
        });
    }

    /** The record's update checks existence and the limit at once; only a refusal reads the record to say why. */
    @Override
    public JoinOutcome join(ConnectionId id, Membership membership, int maxRooms) {
        return SdkFailures.translated("join room", () -> {
            Connection joined;
            try {
                joined = ConnectionItems.connection(dynamo.updateItem(update -> update.tableName(table)
                        .key(ConnectionItems.key(id))
                        .updateExpression("SET #rooms.#room = :name")
                        .conditionExpression("attribute_exists(#id) AND "
                                + "(attribute_exists(#rooms.#room) OR size(#rooms) < :max)")
                        .expressionAttributeNames(Map.of("#id", CONNECTION_ID, "#rooms", ROOMS,
                                "#room", membership.room().value()))
                        .expressionAttributeValues(Map.of(
                                ":name", AttributeValue.fromS(membership.name().value()),
                                ":max", AttributeValue.fromN(Integer.toString(maxRooms))))
                        .returnValues(ReturnValue.ALL_NEW)).attributes());
            } catch (ConditionalCheckFailedException refused) {
                return find(id).<JoinOutcome>map(tooMany -> new JoinOutcome.TooManyRooms())
                        .orElseGet(JoinOutcome.UnknownConnection::new);
            }
            return new JoinOutcome.Joined(joined, enterIfStillStored(joined, membership.room()), List.of());
        });
    }

    @Override
    public JoinOutcome switchTo(ConnectionId id, Membership membership) {
        return SdkFailures.translated("switch room", () -> {
            Connection before;
            try {
                before = ConnectionItems.connection(dynamo.updateItem(update -> update.tableName(table)
                        .key(ConnectionItems.key(id))
                        // A record of the release before v2 kept its room on itself: the REMOVE takes it out
                        // of the room index on its first switch.
                        .updateExpression("SET #rooms = :only REMOVE #room, #name")
                        .conditionExpression("attribute_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", CONNECTION_ID, "#rooms", ROOMS, "#room", ROOM,
                                "#name", NAME))
                        .expressionAttributeValues(Map.of(":only", AttributeValue.fromM(Map.of(
                                membership.room().value(), AttributeValue.fromS(membership.name().value())))))
                        .returnValues(ReturnValue.ALL_OLD)).attributes());
            } catch (ConditionalCheckFailedException unknownConnection) {
                return new JoinOutcome.UnknownConnection();
            }
            List<Departure> left = new ArrayList<>();
            for (RoomName room : before.rooms().keySet()) {
                if (!room.equals(membership.room())) {
                    left.add(exit(before, room));
                }
            }
            Connection switched = before.switchingTo(membership);
            return new JoinOutcome.Joined(switched, enterIfStillStored(switched, membership.room()), left);
        });
    }

    @Override
    public Optional<Departure> leave(ConnectionId id, RoomName room) {
        return SdkFailures.translated("leave room", () -> {
            Connection before;
            try {
                before = ConnectionItems.connection(dynamo.updateItem(update -> update.tableName(table)
                        .key(ConnectionItems.key(id))
                        .updateExpression("REMOVE #rooms.#room")
                        .conditionExpression("attribute_exists(#rooms.#room)")
                        .expressionAttributeNames(Map.of("#rooms", ROOMS, "#room", room.value()))
                        .returnValues(ReturnValue.ALL_OLD)).attributes());
            } catch (ConditionalCheckFailedException notIn) {
                return Optional.empty();
            }
            return Optional.of(exit(before, room));
        });
    }

    @Override
    public List<Departure> remove(ConnectionId id) {
        return SdkFailures.translated("remove connection", () -> {
            Map<String, AttributeValue> old = dynamo.deleteItem(delete -> delete.tableName(table)
                    .key(ConnectionItems.key(id)).returnValues(ReturnValue.ALL_OLD)).attributes();
            if (old == null || old.isEmpty()) {
                return List.of();
            }
            Connection before = ConnectionItems.connection(old);
            return before.rooms().keySet().stream().map(room -> exit(before, room)).toList();
        });
    }

    /** A query on the RoomIndex, which like every global index is eventually consistent on AWS. */
    @Override
    public List<Member> inRoom(RoomName room) {
        return SdkFailures.translated("list room", () -> dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .indexName(ROOM_INDEX)
                        .keyConditionExpression("#room = :room")
                        .expressionAttributeNames(Map.of("#room", ROOM))
                        .expressionAttributeValues(Map.of(":room", AttributeValue.fromS(room.value())))
                        .build())
                .items().stream()
                .map(ConnectionItems::member)
                .toList());
    }

    /**
     * Enters the room, then checks the record is still there. A disconnect that deleted it meanwhile may have
     * missed the membership written here (its rooms were read before), so it is taken out again: no membership
     * or presence entry outlives its record. Either the disconnect's delete comes after this check, and then it
     * saw this room in the record and exits it itself, or before, and then this check sees it.
     *
     * @return whether the connection is its user's first in the room (false when it was taken out again)
     */
    private boolean enterIfStillStored(Connection connection, RoomName room) {
        boolean first = enter(connection, room);
        if (find(connection.id()).isPresent()) {
            return first;
        }
        exit(connection, room);
        return false;
    }

    /** Lists the connection in the room's index and adds it to its user's set: first in when the set was empty. */
    private boolean enter(Connection connection, RoomName room) {
        Member member = connection.memberOf(room).orElseThrow();
        AttributeValue expiresAt = ConnectionItems.expiresAt(connection, lifetime);
        dynamo.putItem(put -> put.tableName(table).item(ConnectionItems.membershipItem(room, member, expiresAt)));
        Map<String, AttributeValue> before = dynamo.updateItem(update -> update.tableName(table)
                .key(ConnectionItems.presenceKey(room, connection.userId()))
                .updateExpression("ADD #connections :connection SET #expiresAt = :expiresAt")
                .expressionAttributeNames(Map.of("#connections", CONNECTIONS, "#expiresAt", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":connection", AttributeValue.fromSs(List.of(connection.id().value())),
                        ":expiresAt", expiresAt))
                .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        return connections(before).isEmpty();
    }

    /** Takes the connection out of the room's index and its user's set: last out when it was alone there. */
    private Departure exit(Connection connection, RoomName room) {
        Member member = connection.memberOf(room).orElseThrow();
        dynamo.deleteItem(delete -> delete.tableName(table).key(ConnectionItems.membershipKey(room, connection.id())));
        // An update creates a missing item (a record of the release before v2 has none): the expiry removes it.
        Map<String, AttributeValue> before = dynamo.updateItem(update -> update.tableName(table)
                .key(ConnectionItems.presenceKey(room, connection.userId()))
                .updateExpression("DELETE #connections :connection SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)")
                .expressionAttributeNames(Map.of("#connections", CONNECTIONS, "#expiresAt", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":connection", AttributeValue.fromSs(List.of(connection.id().value())),
                        ":expiresAt", ConnectionItems.expiresAt(connection, lifetime)))
                .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        return new Departure(room, member, connections(before).equals(List.of(connection.id().value())));
    }

    private static List<String> connections(Map<String, AttributeValue> before) {
        AttributeValue set = before == null ? null : before.get(CONNECTIONS);
        return set == null || !set.hasSs() ? List.of() : set.ss();
    }
}
