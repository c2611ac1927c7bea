package io.roomchat.adapter.dynamodb;

import static io.roomchat.adapter.dynamodb.ChatTables.CONNECTION_ID;
import static io.roomchat.adapter.dynamodb.ChatTables.TYPED_AT;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.TypingGate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The typing throttle on the membership item of (connection, room): {@code typedAt} is when a typing event last went
 * out. One conditional {@code UpdateItem} per {@code onTyping}, forwarded or not: it sets {@code typedAt} only when
 * the last is at least the interval old, so racing function instances forward at most one. The attribute goes with
 * the membership item when the connection leaves the room or goes.
 */
final class DynamoDbTypingGate implements TypingGate {
    private static final Map<String, String> NAMES = Map.of("#id", CONNECTION_ID, "#typed", TYPED_AT);

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbTypingGate(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean tryForward(ConnectionId connection, RoomName room, Instant now, Duration interval) {
        long nowMillis = now.toEpochMilli();
        return SdkFailures.translated("throttle typing", () -> {
            try {
                dynamo.updateItem(request -> request.tableName(table)
                        .key(ConnectionItems.membershipKey(room, connection))
                        .updateExpression("SET #typed = :now")
                        .conditionExpression("attribute_exists(#id) AND (attribute_not_exists(#typed) OR #typed <= :due)")
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(Map.of(
                                ":now", AttributeValue.fromN(Long.toString(nowMillis)),
                                ":due", AttributeValue.fromN(Long.toString(nowMillis - interval.toMillis())))));
                return true;
            } catch (ConditionalCheckFailedException tooSoonOrNotAMember) {
                return false;
            }
        });
    }
}
