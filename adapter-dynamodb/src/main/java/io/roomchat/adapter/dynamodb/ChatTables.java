package io.roomchat.adapter.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The two tables and every attribute name the stores use, in one place. Item shapes:
 *
 * <pre>
 * connections  connectionId (hash, S) · userId · connectedAt (ISO-8601) · protocol (N: 1, 2; absent = 1) ·
 *              rooms (M: room → name, the rooms it is in) · expiresAt (epoch s, TTL) ·
 *              tokenExpiresAt? (ISO-8601: the token's exp, after which a frame closes the connection) ·
 *              grantRooms? (L of S: the token's rooms grant, absent when it has none) ·
 *              grantModerates? (L of S: the rooms it moderates, absent when none) ·
 *              nextFrameAt? (N, epoch µs: the frame budget, see DynamoDbFrameBudgets)
 *   memberships connectionId = MEMBER_PREFIX + room + US + connection id · room · member (the connection id) ·
 *              userId · name · protocol · expiresAt — one per (connection, room), the only items with a room
 *   presence   connectionId = PRESENCE_PREFIX + room + US + userId · connections (SS: that user's connections in
 *              the room) · expiresAt
 *              GSI RoomIndex: room (hash), projection ALL — sparse: it lists membership items only
 * messages     room (hash, S) · postedAt (range, N, epoch ms) · messageId · userId · name · message? ·
 *              modifiedAt (N, epoch ms) · isDeleted (BOOL) · editToken? (the call that last edited it) ·
 *              seq (N: the room's sequence number of the message's latest change) ·
 *              deletedBy? (who deleted it; absent on a deleted message = its author, as before deleters were kept)
 *              GSI SeqIndex: room (hash), seq (range), projection ALL — sparse: only messages carry seq
 *   seq counters room = SEQ_COUNTER_PREFIX + room · postedAt = 0 · latestSeq (N, raised by UpdateItem ADD)
 *   read positions room = READ_PREFIX + room + US + userId · postedAt = 0 · readAt (N, epoch ms, only raised)
 *   room bans  room = BAN_PREFIX + room + US + userId · postedAt = 0 · bannedUntil (N, epoch ms, only raised) ·
 *              expiresAt (epoch s, TTL: a while after the ban ends, the item goes)
 *   id claims  room = CLAIM_PREFIX + messageId · postedAt = 0 · claimRoom · claimPostedAt · claimToken
 *   key claims room = KEY_CLAIM_PREFIX + room + US + clientMessageId + US + userId · postedAt = 0 · messageId ·
 *              claimPostedAt · claimToken · claimedAt (N, epoch ms)
 * </pre>
 *
 * A connection's rooms map is the truth for its own rooms (one read answers "is it in this room, as whom");
 * membership items make the room index; a presence item's set changes by one atomic update per join or leave,
 * whose old value tells whether that write was the user's first in or last out (DynamoDbConnectionStore).
 *
 * <p>A seq counter holds a room's latest sequence number; every change of the room raises it atomically first.
 * An id claim reserves a message id across all rooms and says where its message lives. A key claim reserves a
 * client's key for one author in one room (only posts with a {@code clientMessageId} write one) and names the
 * message stored under it. Their hash keys start with a control character, which a room name cannot contain, so
 * a claim never shows up in a room's history; nor can room, key or user id contain the separator US. Membership
 * and presence keys start with one too, which a connection id cannot contain, so they never meet a record.
 */
final class ChatTables {
    static final String CONNECTION_ID = "connectionId";
    static final String USER_ID = "userId";
    static final String CONNECTED_AT = "connectedAt";
    static final String ROOM = "room";
    static final String NAME = "name";
    static final String EXPIRES_AT = "expiresAt";
    static final String TOKEN_EXPIRES_AT = "tokenExpiresAt";
    static final String GRANT_ROOMS = "grantRooms";
    static final String GRANT_MODERATES = "grantModerates";
    static final String NEXT_FRAME_AT = "nextFrameAt";
    /** On a membership item: when its connection last had a typing event forwarded in its room (epoch ms). */
    static final String TYPED_AT = "typedAt";
    static final String ROOM_INDEX = "RoomIndex";
    static final String PROTOCOL = "protocol";
    static final String ROOMS = "rooms";
    static final String MEMBER = "member";
    static final String CONNECTIONS = "connections";
    static final String MEMBER_PREFIX = "\u001Fmember\u001F";
    static final String PRESENCE_PREFIX = "\u001Fpresence\u001F";

    static final String POSTED_AT = "postedAt";
    static final String MESSAGE_ID = "messageId";
    static final String MESSAGE = "message";
    static final String MODIFIED_AT = "modifiedAt";
    static final String IS_DELETED = "isDeleted";
    static final String EDIT_TOKEN = "editToken";
    static final String SEQ = "seq";
    static final String SEQ_INDEX = "SeqIndex";
    static final String DELETED_BY = "deletedBy";

    static final String SEQ_COUNTER_PREFIX = "\u001Fseq\u001F";
    static final String LATEST_SEQ = "latestSeq";

    static final String READ_PREFIX = "\u001Fread\u001F";
    static final String READ_AT = "readAt";

    static final String BAN_PREFIX = "\u001Fban\u001F";
    static final String BANNED_UNTIL = "bannedUntil";

    static final String CLAIM_PREFIX = "\u001Fid\u001F";
    static final long CLAIM_POSTED_AT = 0;
    static final String CLAIM_ROOM = "claimRoom";
    static final String CLAIM_POSTED_AT_ATTRIBUTE = "claimPostedAt";
    static final String CLAIM_TOKEN = "claimToken";

    static final String KEY_CLAIM_PREFIX = "\u001Fkey\u001F";
    static final String KEY_SEPARATOR = "\u001F";
    static final String CLAIMED_AT = "claimedAt";

    private ChatTables() {
    }

    static TableDefinition connections(String tableName) {
        return new TableDefinition("ConnectionsTable", tableName,
                new TableDefinition.KeyAttribute(CONNECTION_ID, ScalarAttributeType.S), null,
                List.of(new TableDefinition.GlobalIndex(ROOM_INDEX,
                        new TableDefinition.KeyAttribute(ROOM, ScalarAttributeType.S), null, ProjectionType.ALL)),
                EXPIRES_AT);
    }

    static TableDefinition messages(String tableName) {
        return new TableDefinition("MessagesTable", tableName,
                new TableDefinition.KeyAttribute(ROOM, ScalarAttributeType.S),
                new TableDefinition.KeyAttribute(POSTED_AT, ScalarAttributeType.N),
                List.of(new TableDefinition.GlobalIndex(SEQ_INDEX,
                        new TableDefinition.KeyAttribute(ROOM, ScalarAttributeType.S),
                        new TableDefinition.KeyAttribute(SEQ, ScalarAttributeType.N), ProjectionType.ALL)),
                // Only room bans carry it: messages and claims never expire.
                EXPIRES_AT);
    }
}
