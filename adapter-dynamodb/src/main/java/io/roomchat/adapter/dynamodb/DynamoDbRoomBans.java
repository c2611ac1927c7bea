package io.roomchat.adapter.dynamodb;

import static io.roomchat.adapter.dynamodb.ChatTables.BANNED_UNTIL;
import static io.roomchat.adapter.dynamodb.ChatTables.EXPIRES_AT;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.RoomBans;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Room bans as items of the messages table (see {@link ChatTables}), one per room and user. A ban is one
 * conditional {@code UpdateItem} that only ever moves {@code bannedUntil} later, so racing bans in any number of
 * processes end at the latest; a refused one leaves the later ban standing. A check is one consistent
 * {@code GetItem}, compared with the caller's {@code now}. The item carries a TTL a while after the ban ends, so
 * DynamoDB removes ended bans; until it does (TTL runs late, dynalite never), they read as none.
 */
final class DynamoDbRoomBans implements RoomBans {
    /** After the end, before DynamoDB may delete the item: wider than any clock skew between functions. */
    private static final Duration KEPT_AFTER_END = Duration.ofDays(1);

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbRoomBans(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void ban(RoomName room, UserId user, Instant until) {
        SdkFailures.translated("store room ban", () -> {
            try {
                dynamo.updateItem(update -> update.tableName(table).key(MessageItems.banKey(room, user))
                        .updateExpression("SET #until = :until, #expiresAt = :expiresAt")
                        .conditionExpression("attribute_not_exists(#until) OR #until < :until")
                        .expressionAttributeNames(Map.of("#until", BANNED_UNTIL, "#expiresAt", EXPIRES_AT))
                        .expressionAttributeValues(Map.of(":until", MessageItems.millis(until),
                                ":expiresAt", AttributeValue.fromN(Long.toString(
                                        until.plus(KEPT_AFTER_END).getEpochSecond())))));
            } catch (ConditionalCheckFailedException runningLonger) {
                // A ban ending no sooner is stored: it stands.
            }
        });
    }

    @Override
    public Optional<Instant> bannedUntil(RoomName room, UserId user, Instant now) {
        return SdkFailures.translated("read room ban", () -> {
            Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                    .key(MessageItems.banKey(room, user)).consistentRead(true)).item();
            return item == null || item.isEmpty()
                    ? Optional.<Instant>empty()
                    : Optional.of(Instant.ofEpochMilli(StoredItems.number(item, BANNED_UNTIL)))
                            .filter(until -> until.isAfter(now));
        });
    }
}
