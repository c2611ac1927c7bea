package io.roomchat.adapter.dynamodb;

import static io.roomchat.adapter.dynamodb.ChatTables.CONNECTION_ID;
import static io.roomchat.adapter.dynamodb.ChatTables.NEXT_FRAME_AT;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRate;
import io.roomchat.core.port.out.FrameBudgets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Frame budgets in the connection records: {@code nextFrameAt} is the {@link FrameRate}'s theoretical arrival
 * time, in epoch microseconds. Taking a frame is one conditional update when the connection has been quiet (the
 * usual case in a chat), two within a burst, and a consistent read on top when the frame is refused, to tell a
 * connection over its rate from one that is not stored. The conditions make racing frames from several function
 * instances add up exactly, without a read-modify-write.
 */
final class DynamoDbFrameBudgets implements FrameBudgets {
    private static final Map<String, String> NAMES = Map.of("#id", CONNECTION_ID, "#at", NEXT_FRAME_AT);

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbFrameBudgets(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean tryTake(ConnectionId connection, FrameRate rate, Instant now) {
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        long interval = Math.max(1, rate.intervalNanos() / 1_000);
        long tolerance = rate.toleranceNanos() / 1_000;
        return SdkFailures.translated("take a frame", () -> {
            // The budget is full: the next frame is due one interval from now.
            if (updated(connection, "SET #at = :next",
                    "attribute_exists(#id) AND (attribute_not_exists(#at) OR #at <= :now)",
                    Map.of(":next", number(nowMicros + interval), ":now", number(nowMicros)))) {
                return true;
            }
            // Within the burst: the next frame is due one interval later than it was.
            if (updated(connection, "SET #at = #at + :interval",
                    "attribute_exists(#id) AND #at > :now AND #at <= :latest",
                    Map.of(":interval", number(interval), ":now", number(nowMicros),
                            ":latest", number(nowMicros + tolerance)))) {
                return true;
            }
            return !stored(connection);
        });
    }

    private boolean updated(ConnectionId connection, String update, String condition,
            Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(request -> request.tableName(table)
                    .key(ConnectionItems.key(connection))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notThisCase) {
            return false;
        }
    }

    private boolean stored(ConnectionId connection) {
        var item = dynamo.getItem(get -> get.tableName(table).key(ConnectionItems.key(connection))
                .projectionExpression("#id").expressionAttributeNames(Map.of("#id", CONNECTION_ID))
                .consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
