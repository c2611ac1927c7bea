package io.roomchat.adapter.dynamodb;

import static io.roomchat.adapter.dynamodb.ChatTables.BAN_PREFIX;
import static io.roomchat.adapter.dynamodb.ChatTables.CLAIM_POSTED_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.CLAIM_POSTED_AT_ATTRIBUTE;
import static io.roomchat.adapter.dynamodb.ChatTables.CLAIM_PREFIX;
import static io.roomchat.adapter.dynamodb.ChatTables.CLAIM_ROOM;
import static io.roomchat.adapter.dynamodb.ChatTables.CLAIMED_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.CLAIM_TOKEN;
import static io.roomchat.adapter.dynamodb.ChatTables.DELETED_BY;
import static io.roomchat.adapter.dynamodb.ChatTables.IS_DELETED;
import static io.roomchat.adapter.dynamodb.ChatTables.KEY_CLAIM_PREFIX;
import static io.roomchat.adapter.dynamodb.ChatTables.KEY_SEPARATOR;
import static io.roomchat.adapter.dynamodb.ChatTables.MESSAGE;
import static io.roomchat.adapter.dynamodb.ChatTables.MESSAGE_ID;
import static io.roomchat.adapter.dynamodb.ChatTables.MODIFIED_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.NAME;
import static io.roomchat.adapter.dynamodb.ChatTables.POSTED_AT;
import static io.roomchat.adapter.dynamodb.ChatTables.READ_PREFIX;
import static io.roomchat.adapter.dynamodb.ChatTables.ROOM;
import static io.roomchat.adapter.dynamodb.ChatTables.SEQ;
import static io.roomchat.adapter.dynamodb.ChatTables.SEQ_COUNTER_PREFIX;
import static io.roomchat.adapter.dynamodb.ChatTables.USER_ID;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Messages, id claims and key claims as items of the messages table; times are epoch milliseconds, so keys sort
 * by time.
 */
final class MessageItems {
    private MessageItems() {
    }

    /** Where a message lives: its room and posting time. */
    record MessageKey(RoomName room, Instant postedAt) {
        Map<String, AttributeValue> toKey() {
            return Map.of(ROOM, AttributeValue.fromS(room.value()), POSTED_AT, millis(postedAt));
        }
    }

    static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    static Map<String, AttributeValue> item(ChatMessage message) {
        Map<String, AttributeValue> item = new HashMap<>(new MessageKey(message.room(), message.postedAt()).toKey());
        item.put(MESSAGE_ID, AttributeValue.fromS(message.id().value()));
        item.put(USER_ID, AttributeValue.fromS(message.author().value()));
        item.put(NAME, AttributeValue.fromS(message.authorName().value()));
        item.put(MODIFIED_AT, millis(message.modifiedAt()));
        item.put(IS_DELETED, AttributeValue.fromBool(message.deleted()));
        item.put(SEQ, AttributeValue.fromN(Long.toString(message.seq())));
        if (message.deletedBy() != null) {
            item.put(DELETED_BY, AttributeValue.fromS(message.deletedBy().value()));
        }
        if (message.text() != null) {
            item.put(MESSAGE, AttributeValue.fromS(message.text().value()));
        }
        return item;
    }

    static ChatMessage message(Map<String, AttributeValue> item) {
        try {
            String text = StoredItems.optionalString(item, MESSAGE);
            UserId author = new UserId(StoredItems.string(item, USER_ID));
            boolean deleted = StoredItems.flag(item, IS_DELETED);
            String deleter = StoredItems.optionalString(item, DELETED_BY);
            return new ChatMessage(new MessageId(StoredItems.string(item, MESSAGE_ID)),
                    new RoomName(StoredItems.string(item, ROOM)),
                    author,
                    new DisplayName(StoredItems.string(item, NAME)),
                    text == null ? null : new MessageText(text),
                    Instant.ofEpochMilli(StoredItems.number(item, POSTED_AT)),
                    Instant.ofEpochMilli(StoredItems.number(item, MODIFIED_AT)),
                    deleted,
                    // Messages stored before rooms counted their changes have none: 0, older than any seq.
                    StoredItems.optionalNumber(item, SEQ, 0),
                    // Deleted before deleters were kept: by its author, the only one who could delete then.
                    !deleted ? null : deleter == null ? author : new UserId(deleter));
        } catch (IllegalArgumentException invalid) {
            throw new ChatStorageException("stored message is invalid", invalid);
        }
    }

    /** The item holding {@code room}'s latest seq. */
    static Map<String, AttributeValue> seqCounterKey(RoomName room) {
        return Map.of(ROOM, AttributeValue.fromS(SEQ_COUNTER_PREFIX + room.value()),
                POSTED_AT, AttributeValue.fromN(Long.toString(CLAIM_POSTED_AT)));
    }

    /** The item holding how far {@code user} has read in {@code room}. */
    static Map<String, AttributeValue> readPositionKey(UserId user, RoomName room) {
        return Map.of(ROOM, AttributeValue.fromS(READ_PREFIX + room.value() + KEY_SEPARATOR + user.value()),
                POSTED_AT, AttributeValue.fromN(Long.toString(CLAIM_POSTED_AT)));
    }

    /** The item holding {@code user}'s ban from {@code room}. */
    static Map<String, AttributeValue> banKey(RoomName room, UserId user) {
        return Map.of(ROOM, AttributeValue.fromS(BAN_PREFIX + room.value() + KEY_SEPARATOR + user.value()),
                POSTED_AT, AttributeValue.fromN(Long.toString(CLAIM_POSTED_AT)));
    }

    static Map<String, AttributeValue> claimKey(MessageId id) {
        return Map.of(ROOM, AttributeValue.fromS(CLAIM_PREFIX + id.value()),
                POSTED_AT, AttributeValue.fromN(Long.toString(CLAIM_POSTED_AT)));
    }

    /** The id claim of a message about to be stored, marked with the inserting call's token. */
    static Map<String, AttributeValue> claim(ChatMessage message, String token) {
        Map<String, AttributeValue> item = new HashMap<>(claimKey(message.id()));
        item.put(CLAIM_ROOM, AttributeValue.fromS(message.room().value()));
        item.put(CLAIM_POSTED_AT_ATTRIBUTE, millis(message.postedAt()));
        item.put(CLAIM_TOKEN, AttributeValue.fromS(token));
        return item;
    }

    static Map<String, AttributeValue> keyClaimKey(RoomName room, UserId author, ClientMessageId key) {
        return Map.of(ROOM, AttributeValue.fromS(KEY_CLAIM_PREFIX + room.value() + KEY_SEPARATOR + key.value()
                        + KEY_SEPARATOR + author.value()),
                POSTED_AT, AttributeValue.fromN(Long.toString(CLAIM_POSTED_AT)));
    }

    /** The claim of {@code key} for a message about to be stored, marked with the inserting call's token. */
    static Map<String, AttributeValue> keyClaim(ChatMessage message, ClientMessageId key, String token,
                                                Instant claimedAt) {
        Map<String, AttributeValue> item = new HashMap<>(keyClaimKey(message.room(), message.author(), key));
        item.put(MESSAGE_ID, AttributeValue.fromS(message.id().value()));
        item.put(CLAIM_POSTED_AT_ATTRIBUTE, millis(message.postedAt()));
        item.put(CLAIM_TOKEN, AttributeValue.fromS(token));
        item.put(CLAIMED_AT, millis(claimedAt));
        return item;
    }

    static MessageClaimed claimedMessage(RoomName room, Map<String, AttributeValue> keyClaim) {
        try {
            return new MessageClaimed(new MessageId(StoredItems.string(keyClaim, MESSAGE_ID)),
                    new MessageKey(room, Instant.ofEpochMilli(StoredItems.number(keyClaim, CLAIM_POSTED_AT_ATTRIBUTE))),
                    Instant.ofEpochMilli(StoredItems.number(keyClaim, CLAIMED_AT)));
        } catch (IllegalArgumentException invalid) {
            throw new ChatStorageException("stored key claim is invalid", invalid);
        }
    }

    /** What a key claim names: the message's id and place, and when it was claimed. */
    record MessageClaimed(MessageId id, MessageKey key, Instant claimedAt) {
    }

    static MessageKey claimedKey(Map<String, AttributeValue> claim) {
        try {
            return new MessageKey(new RoomName(StoredItems.string(claim, CLAIM_ROOM)),
                    Instant.ofEpochMilli(StoredItems.number(claim, CLAIM_POSTED_AT_ATTRIBUTE)));
        } catch (IllegalArgumentException invalid) {
            throw new ChatStorageException("stored id claim is invalid", invalid);
        }
    }
}
