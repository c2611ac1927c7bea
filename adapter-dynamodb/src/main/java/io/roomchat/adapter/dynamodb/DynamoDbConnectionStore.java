package io.roomchat.adapter.dynamodb;

import static io.roomchat.adapter.dynamodb.ChatTables.CONNECTION_ID;
import static io.roomchat.adapter.dynamodb.ChatTables.NAME;
import static io.roomchat.adapter.dynamodb.ChatTables.ROOM;
import static io.roomchat.adapter.dynamodb.ChatTables.ROOM_INDEX;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ConnectionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Connection records in the original's table shape. Every operation is one request (a room listing is one query
 * per megabyte of records); records carry a TTL so that connections that vanished without a disconnect expire.
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

    /** One conditional update: it cannot create a record for a connection that is not (or no longer) stored. */
    @Override
    public Optional<Connection> join(ConnectionId id, Membership membership) {
        return SdkFailures.translated("join room", () -> {
            try {
                var updated = dynamo.updateItem(update -> update.tableName(table)
                        .key(ConnectionItems.key(id))
                        .updateExpression("SET #room = :room, #name = :name")
                        .conditionExpression("attribute_exists(#connectionId)")
                        .expressionAttributeNames(Map.of("#room", ROOM, "#name", NAME, "#connectionId", CONNECTION_ID))
                        .expressionAttributeValues(Map.of(
                                ":room", AttributeValue.fromS(membership.room().value()),
                                ":name", AttributeValue.fromS(membership.name().value())))
                        .returnValues(ReturnValue.ALL_NEW));
                return Optional.of(ConnectionItems.connection(updated.attributes()));
            } catch (ConditionalCheckFailedException unknownConnection) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void remove(ConnectionId id) {
        SdkFailures.translated("remove connection", () -> {
            dynamo.deleteItem(delete -> delete.tableName(table).key(ConnectionItems.key(id)));
        });
    }

    /** A query on the RoomIndex, which like every global index is eventually consistent on AWS. */
    @Override
    public List<Connection> inRoom(RoomName room) {
        return SdkFailures.translated("list room", () -> dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .indexName(ROOM_INDEX)
                        .keyConditionExpression("#room = :room")
                        .expressionAttributeNames(Map.of("#room", ROOM))
                        .expressionAttributeValues(Map.of(":room", AttributeValue.fromS(room.value())))
                        .build())
                .items().stream()
                .map(ConnectionItems::connection)
                .toList());
    }
}
