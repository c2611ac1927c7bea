package io.roomchat.wire;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/** The field names of server frames, pre-quoted once: they are written on every event of every fan-out. */
final class FieldNames {
    // replies
    static final SerializableString STATUS_CODE = new SerializedString("statusCode");
    static final SerializableString BODY = new SerializedString("body");
    static final SerializableString REQUEST_ID = new SerializedString("requestId");
    static final SerializableString MESSAGES = new SerializedString("messages");
    static final SerializableString HAS_MORE = new SerializedString("hasMore");
    // message events (and the Posted reply's messageId, postedAt; the history reply's room)
    static final SerializableString MESSAGE_ID = new SerializedString("messageId");
    static final SerializableString ROOM = new SerializedString("room");
    static final SerializableString USER_ID = new SerializedString("userId");
    static final SerializableString NAME = new SerializedString("name");
    static final SerializableString MESSAGE = new SerializedString("message");
    static final SerializableString POSTED_AT = new SerializedString("postedAt");
    static final SerializableString MODIFIED_AT = new SerializedString("modifiedAt");
    static final SerializableString IS_DELETED = new SerializedString("isDeleted");
    static final SerializableString SEQ = new SerializedString("seq");

    // v2: every server frame's type, and the fields v2 adds
    static final SerializableString TYPE = new SerializedString("type");
    static final SerializableString EVENT = new SerializedString("event");
    static final SerializableString MEMBERS = new SerializedString("members");
    static final SerializableString MEMBER_COUNT = new SerializedString("memberCount");
    static final SerializableString LAST_READ = new SerializedString("lastRead");
    static final SerializableString UNREAD = new SerializedString("unread");
    static final SerializableString MODERATOR = new SerializedString("moderator");
    static final SerializableString RECOVERED = new SerializedString("recovered");
    static final SerializableString BY = new SerializedString("by");

    private FieldNames() {
    }
}
