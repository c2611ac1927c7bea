package io.roomchat.adapter.dynamodb;

import static io.roomchat.adapter.dynamodb.ChatTables.CLAIM_TOKEN;
import static io.roomchat.adapter.dynamodb.ChatTables.DELETED_BY;
import static io.roomchat.adapter.dynamodb.ChatTables.EDIT_TOKEN;
import static io.roomchat.adapter.dynamodb.ChatTables.IS_DELETED;
import static io.roomchat.adapter.dynamodb.ChatTables.LATEST_SEQ;
import static io.roomchat.adapter.dynamodb.ChatTables.MESSAGE;
import static io.roomchat.adapter.dynamodb.ChatTables.MESSAGE_ID;
import static io.roomchat.adapter.dynamodb.ChatTables.MODIFIED_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.POSTED_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.ROOM;
import static io.roomchat.adapter.dynamodb.ChatTables.SEQ;
import static io.roomchat.adapter.dynamodb.ChatTables.SEQ_INDEX;
import static io.roomchat.adapter.dynamodb.ChatTables.USER_ID;

import io.roomchat.adapter.dynamodb.MessageItems.MessageKey;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.HistorySlice;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Messages keyed by {@code (room, postedAt)}, with an id claim per message and a key claim per message posted
 * with a client key; no transactions (see the class
 * comment of {@link ChatTables} and {@code docs/dynamodb.md}).
 *
 * <p>Sequence numbers: each room has a counter item; every change first raises it by one {@code UpdateItem ADD}
 * that returns the new value, which is the change's {@code seq}. Racing writers, in any number of processes, never
 * get the same value. A write that then fails leaves its value unused: a gap, never a repeat.
 *
 * <p>Insert: claim the id, take a seq, then put the message, each write with {@code attribute_not_exists}. A
 * message item is
 * written whole by one request, after its claim, so a failure between the two leaves at most an orphaned claim:
 * it names a slot holding no message with its id, so no read ever shows it. A conditional write that the SDK
 * retried after a lost response fails its own condition; the store then reads the item back and recognises its
 * own write (the claim's token, the message's id), so such a retry never turns a success into a refusal.
 *
 * <p>Edit and delete: a seq, then one conditional update checking author, not deleted, {@code modifiedAt} and that
 * the stored seq is older (so a message's seq never moves back), optimistic with a bounded number of retries, each
 * under a new seq, when the message changed meanwhile; why a condition failed is ruled by
 * {@link EditOutcome#decide}, as in every store. It stamps the item with the call's token,
 * by which a retried update that fails its condition recognises its own earlier success.
 */
final class DynamoDbMessageStore implements MessageStore {
    private static final System.Logger LOG = System.getLogger(DynamoDbMessageStore.class.getName());
    /** Each failed attempt means another edit of the same message succeeded, so this bounds concurrent editors. */
    static final int MAX_EDIT_ATTEMPTS = 16;
    private static final String NOT_EXISTS = "attribute_not_exists(#room)";
    /** How often a resend looks again for the message of a key claimed by a post still in progress. */
    static final int MAX_KEY_LOOKS = 40;
    static final Duration KEY_LOOK_PAUSE = Duration.ofMillis(25);
    /** After this, a key claim without its message is abandoned (Lambda runs at most 15 minutes). */
    static final Duration KEY_CLAIM_LEASE = Duration.ofMinutes(15);

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbMessageStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // --- insert ------------------------------------------------------------------------------------------------

    @Override
    public InsertOutcome insert(ChatMessage message) {
        return SdkFailures.translated("insert message", () -> {
            String token = UUID.randomUUID().toString();
            if (!claimId(message, token)) {
                return new InsertOutcome.Taken();
            }
            ChatMessage stored = message.withSeq(nextSeq(message.room()));
            if (putMessage(stored)) {
                return new InsertOutcome.Stored(stored);
            }
            releaseClaim(message, token);
            return new InsertOutcome.Taken();
        });
    }

    /** Raises the room's counter atomically and returns its new value, the seq no other call gets. */
    private long nextSeq(RoomName room) {
        var raised = dynamo.updateItem(update -> update.tableName(table).key(MessageItems.seqCounterKey(room))
                .updateExpression("ADD #latest :one")
                .expressionAttributeNames(Map.of("#latest", LATEST_SEQ))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return StoredItems.number(raised.attributes(), LATEST_SEQ);
    }

    @Override
    public long latestSeq(RoomName room) {
        return SdkFailures.translated("read latest seq", () -> read(MessageItems.seqCounterKey(room))
                .map(counter -> StoredItems.number(counter, LATEST_SEQ))
                .orElse(0L));
    }

    private boolean claimId(ChatMessage message, String token) {
        try {
            dynamo.putItem(put -> put.tableName(table).item(MessageItems.claim(message, token))
                    .conditionExpression(NOT_EXISTS).expressionAttributeNames(Map.of("#room", ROOM)));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return read(MessageItems.claimKey(message.id()))
                    .map(claim -> token.equals(StoredItems.optionalString(claim, CLAIM_TOKEN)))
                    .orElse(false);
        }
    }

    private boolean putMessage(ChatMessage message) {
        try {
            dynamo.putItem(put -> put.tableName(table).item(MessageItems.item(message))
                    .conditionExpression(NOT_EXISTS).expressionAttributeNames(Map.of("#room", ROOM)));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            // This call holds the id's claim, so a stored message with this id can only be its own earlier try.
            return read(new MessageKey(message.room(), message.postedAt()).toKey())
                    .map(stored -> message.id().value().equals(StoredItems.optionalString(stored, MESSAGE_ID)))
                    .orElse(false);
        }
    }

    /** Frees the id of a message that was not stored; should that fail, the orphaned claim stays invisible. */
    private void releaseClaim(ChatMessage message, String token) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(table).key(MessageItems.claimKey(message.id()))
                    .conditionExpression("#token = :token")
                    .expressionAttributeNames(Map.of("#token", CLAIM_TOKEN))
                    .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(token))));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // nothing to free
        } catch (SdkException failure) {
            LOG.log(Level.WARNING, "could not release the id claim of a refused message; it stays orphaned", failure);
        }
    }

    // --- insert under a client key ------------------------------------------------------------------------------

    /**
     * Claims the key first, conditionally, so that of racing resends exactly one goes on to store; the others find
     * the claim and answer the message it names. Between a claim and its message there is a moment (two requests)
     * in which the message is not stored yet: a resend that finds such a claim waits for it. A refused message
     * frees its claim, so the core's next try (a later millisecond) claims again, or finds a racer's claim.
     * A claim whose message never came (its writer died in between) is taken over once its lease has passed,
     * which is longer than any handler can run. Times are the post's {@code postedAt}, which the core stamps from
     * its clock: the claim's time, and the resend's time against which a claim's lease is judged.
     */
    @Override
    public InsertOutcome insert(ChatMessage message, ClientMessageId key) {
        return SdkFailures.translated("insert keyed message", () -> {
            String token = UUID.randomUUID().toString();
            Map<String, AttributeValue> claimKey = MessageItems.keyClaimKey(message.room(), message.author(), key);
            Map<String, AttributeValue> claim = MessageItems.keyClaim(message, key, token, message.postedAt());
            for (int look = 0; ; look++) {
                Optional<Map<String, AttributeValue>> holder = claimKey(claimKey, claim, token);
                if (holder.isEmpty()) {
                    break;
                }
                MessageItems.MessageClaimed claimed = MessageItems.claimedMessage(message.room(), holder.get());
                Optional<ChatMessage> original = read(claimed.key().toKey()).map(MessageItems::message)
                        .filter(stored -> stored.id().equals(claimed.id()));
                if (original.isPresent()) {
                    return new InsertOutcome.DuplicateOf(original.get());
                }
                if (look >= MAX_KEY_LOOKS) {
                    if (message.postedAt().isAfter(claimed.claimedAt().plus(KEY_CLAIM_LEASE))
                            && takeOverKey(claim, holder.get())) {
                        break;
                    }
                    throw new ChatStorageException("a post under the same client key is still being stored");
                }
                pause();
            }
            InsertOutcome outcome;
            try {
                outcome = insert(message);
            } catch (RuntimeException failure) {
                releaseKey(claimKey, token);
                throw failure;
            }
            if (!(outcome instanceof InsertOutcome.Stored)) {
                releaseKey(claimKey, token);
            }
            return outcome;
        });
    }

    /** Empty when this call holds the key (perhaps through an SDK retry of its own put), else the holder's claim. */
    private Optional<Map<String, AttributeValue>> claimKey(Map<String, AttributeValue> key,
                                                           Map<String, AttributeValue> claim, String token) {
        for (int attempt = 0; attempt < MAX_KEY_LOOKS; attempt++) {
            try {
                dynamo.putItem(put -> put.tableName(table).item(claim)
                        .conditionExpression(NOT_EXISTS).expressionAttributeNames(Map.of("#room", ROOM)));
                return Optional.empty();
            } catch (ConditionalCheckFailedException taken) {
                Optional<Map<String, AttributeValue>> holder = read(key);
                if (holder.isPresent()) {
                    return token.equals(StoredItems.optionalString(holder.get(), CLAIM_TOKEN))
                            ? Optional.empty() : holder;
                }
                // freed meanwhile: claim again
            }
        }
        throw new ChatStorageException("a client key was claimed and freed too often to claim it");
    }

    /** Replaces a stale claim, only if it is still the one seen, so that of several resends one takes it over. */
    private boolean takeOverKey(Map<String, AttributeValue> claim, Map<String, AttributeValue> stale) {
        try {
            dynamo.putItem(put -> put.tableName(table).item(claim)
                    .conditionExpression("#token = :stale")
                    .expressionAttributeNames(Map.of("#token", CLAIM_TOKEN))
                    .expressionAttributeValues(Map.of(":stale", stale.get(CLAIM_TOKEN))));
            return true;
        } catch (ConditionalCheckFailedException somebodyElse) {
            return false;
        }
    }

    /** Frees a key whose message was not stored; should that fail, the claim is taken over after its lease. */
    private void releaseKey(Map<String, AttributeValue> key, String token) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(table).key(key)
                    .conditionExpression("#token = :token")
                    .expressionAttributeNames(Map.of("#token", CLAIM_TOKEN))
                    .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(token))));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // nothing to free
        } catch (SdkException failure) {
            LOG.log(Level.WARNING, "could not free the client key of a refused message; it frees after its lease",
                    failure);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(KEY_LOOK_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ChatStorageException("interrupted while waiting for a post under the same client key");
        }
    }

    private Optional<Map<String, AttributeValue>> read(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    // --- edit and delete ---------------------------------------------------------------------------------------

    @Override
    public EditOutcome edit(RoomName room, MessageRef ref, UserId author, MessageChange change, Instant now) {
        return SdkFailures.translated("edit message", () -> {
            Optional<MessageKey> key = locate(room, ref);
            if (key.isEmpty()) {
                return new EditOutcome.NotFound();
            }
            // First try assumes the stored modifiedAt is older than now (the usual case: one request); after a
            // failed condition, the stored message says why, and the next try expects exactly what it read.
            String token = UUID.randomUUID().toString();
            Instant stamp = now.truncatedTo(ChronoUnit.MILLIS);
            Instant expected = null;
            for (int attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
                long seq = nextSeq(room);
                try {
                    var updated = dynamo.updateItem(
                            changeRequest(key.get(), ref, author, change, token, stamp, expected, seq));
                    return new EditOutcome.Edited(MessageItems.message(updated.attributes()));
                } catch (ConditionalCheckFailedException conflict) {
                    Optional<Map<String, AttributeValue>> item = read(key.get().toKey());
                    if (item.isPresent() && token.equals(StoredItems.optionalString(item.get(), EDIT_TOKEN))) {
                        return new EditOutcome.Edited(MessageItems.message(item.get()));
                    }
                    ChatMessage current = item.map(MessageItems::message).filter(ref::matches).orElse(null);
                    EditOutcome decided = EditOutcome.decide(current, author, change, now);
                    if (!(decided instanceof EditOutcome.Edited edited)) {
                        return decided;
                    }
                    // Allowed, so the message changed meanwhile: try again on exactly what was read.
                    expected = current.modifiedAt();
                    stamp = edited.message().modifiedAt();
                }
            }
            throw new ChatStorageException("edit gave up after " + MAX_EDIT_ATTEMPTS + " conflicting attempts");
        });
    }

    /** Where the message lives: named by time, or found through its id claim, which must be in this room. */
    private Optional<MessageKey> locate(RoomName room, MessageRef ref) {
        if (ref instanceof MessageRef.ByPostedAt byPostedAt) {
            return Optional.of(new MessageKey(room, byPostedAt.postedAt()));
        }
        return read(MessageItems.claimKey(((MessageRef.ById) ref).id()))
                .map(MessageItems::claimedKey)
                .filter(claimed -> claimed.room().equals(room));
    }

    private UpdateItemRequest changeRequest(MessageKey key, MessageRef ref, UserId author, MessageChange change,
                                            String token, Instant stamp, Instant expectedModifiedAt, long seq) {
        Map<String, String> names = new HashMap<>(Map.of("#isDeleted", IS_DELETED,
                "#modifiedAt", MODIFIED_AT, "#message", MESSAGE, "#editToken", EDIT_TOKEN, "#seq", SEQ));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":false", AttributeValue.fromBool(false), ":stamp", MessageItems.millis(stamp),
                ":token", AttributeValue.fromS(token), ":seq", AttributeValue.fromN(Long.toString(seq))));
        // Messages stored before rooms counted their changes carry no seq.
        StringBuilder condition = new StringBuilder("#isDeleted = :false"
                + " AND (attribute_not_exists(#seq) OR #seq < :seq) AND ");
        if (!(change instanceof MessageChange.ModeratorErase)) {
            // Only the author may; a moderator's erase is the one change of another's message (EditOutcome).
            condition.append("#userId = :author AND ");
            names.put("#userId", USER_ID);
            values.put(":author", AttributeValue.fromS(author.value()));
        }
        if (expectedModifiedAt == null) {
            condition.append("#modifiedAt < :stamp");
        } else {
            condition.append("#modifiedAt = :expected");
            values.put(":expected", MessageItems.millis(expectedModifiedAt));
        }
        if (ref instanceof MessageRef.ById byId) {
            // An orphaned claim may point at a slot that now holds another message.
            condition.append(" AND #messageId = :id");
            names.put("#messageId", MESSAGE_ID);
            values.put(":id", AttributeValue.fromS(byId.id().value()));
        }
        String update;
        if (change instanceof MessageChange.Replace replace) {
            update = "SET #message = :text, #modifiedAt = :stamp, #editToken = :token, #seq = :seq";
            values.put(":text", AttributeValue.fromS(replace.text().value()));
        } else {
            update = "SET #isDeleted = :true, #modifiedAt = :stamp, #editToken = :token, #seq = :seq,"
                    + " #deletedBy = :deleter REMOVE #message";
            values.put(":true", AttributeValue.fromBool(true));
            names.put("#deletedBy", DELETED_BY);
            UserId deleter = change instanceof MessageChange.ModeratorErase erase ? erase.moderator() : author;
            values.put(":deleter", AttributeValue.fromS(deleter.value()));
        }
        return UpdateItemRequest.builder().tableName(table).key(key.toKey())
                .updateExpression(update)
                .conditionExpression(condition.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .build();
    }

    // --- history -----------------------------------------------------------------------------------------------

    /** DynamoDB acknowledges a write only once it is durably stored, so there is nothing to wait for. */
    @Override
    public void awaitDurable() {
    }

    /**
     * One query for {@code limit + 1} items in the cursor's direction (the extra one only tells whether there is
     * more); a further query only when a response stops at DynamoDB's 1 MB page size. Strongly consistent on the
     * table; a {@code since} page reads the {@code SeqIndex}, which like every GSI is eventually consistent.
     */
    @Override
    public HistorySlice page(RoomName room, HistoryCursor cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return SdkFailures.translated("read history", () -> {
            boolean bySeq = cursor instanceof HistoryCursor.Since;
            boolean forward = bySeq || cursor instanceof HistoryCursor.After;
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":room", AttributeValue.fromS(room.value())));
            Map<String, String> names = new HashMap<>(Map.of("#room", ROOM));
            String keyCondition = "#room = :room";
            if (cursor instanceof HistoryCursor.Since since) {
                keyCondition += " AND #seq > :cursor";
                values.put(":cursor", AttributeValue.fromN(Long.toString(since.seq())));
                names.put("#seq", SEQ);
            } else if (cursor instanceof HistoryCursor.Before before) {
                keyCondition += " AND #postedAt < :cursor";
                values.put(":cursor", MessageItems.millis(before.postedAt()));
            } else if (cursor instanceof HistoryCursor.After after) {
                keyCondition += " AND #postedAt > :cursor";
                values.put(":cursor", MessageItems.millis(after.postedAt()));
            }
            if (keyCondition.contains("#postedAt")) {
                names.put("#postedAt", POSTED_AT);
            }
            String condition = keyCondition;

            List<ChatMessage> found = new ArrayList<>();
            Map<String, AttributeValue> startKey = null;
            do {
                Map<String, AttributeValue> from = startKey;
                QueryResponse response = dynamo.query(query -> query.tableName(table)
                        .indexName(bySeq ? SEQ_INDEX : null)
                        .keyConditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(forward)
                        .consistentRead(!bySeq)
                        .limit(limit + 1 - found.size())
                        .exclusiveStartKey(from));
                response.items().forEach(item -> found.add(MessageItems.message(item)));
                startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (found.size() <= limit && startKey != null);

            boolean hasMore = found.size() > limit;
            List<ChatMessage> page = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
            if (!forward) {
                Collections.reverse(page);
            }
            return new HistorySlice(page, hasMore);
        });
    }
}
