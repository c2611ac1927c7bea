package io.roomchat.adapter.dynamodb;

import static io.roomchat.adapter.dynamodb.ChatTables.READ_AT;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ReadPositions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Read positions as items of the messages table (see {@link ChatTables}). An advance is one conditional
 * {@code UpdateItem} that only ever raises {@code readAt}, so racing advances in any number of processes never move
 * it back; a refused one (not later) reads the position back consistently to answer it.
 */
final class DynamoDbReadPositions implements ReadPositions {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbReadPositions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Instant advance(UserId user, RoomName room, Instant postedAt) {
        return SdkFailures.translated("advance read position", () -> {
            AttributeValue at = MessageItems.millis(postedAt);
            try {
                dynamo.updateItem(update -> update.tableName(table).key(MessageItems.readPositionKey(user, room))
                        .updateExpression("SET #readAt = :at")
                        .conditionExpression("attribute_not_exists(#readAt) OR #readAt < :at")
                        .expressionAttributeNames(Map.of("#readAt", READ_AT))
                        .expressionAttributeValues(Map.of(":at", at)));
                return Instant.ofEpochMilli(postedAt.toEpochMilli());
            } catch (ConditionalCheckFailedException notLater) {
                return read(user, room).orElseThrow(() -> StoredItems.malformed(READ_AT));
            }
        });
    }

    @Override
    public Optional<Instant> position(UserId user, RoomName room) {
        return SdkFailures.translated("read read position", () -> read(user, room));
    }

    private Optional<Instant> read(UserId user, RoomName room) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                .key(MessageItems.readPositionKey(user, room)).consistentRead(true)).item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(StoredItems.number(item, READ_AT)));
    }
}
