package io.roomchat.wire;

import static io.roomchat.wire.FieldNames.*;
import static io.roomchat.wire.JsonTextWriter.writeText;
import static io.roomchat.wire.JsonTextWriter.writeTime;

import com.fasterxml.jackson.core.JsonGenerator;
import io.roomchat.core.domain.ChatMessage;
import java.io.IOException;

/**
 * One message event as a JSON object, fields in the order docs/protocol.md lists them. A deleted message
 * has no {@code message} and has {@code "isDeleted":true}; a live one has no {@code isDeleted} at all. The
 * {@code seq} of the change comes last, so that a v1 frame is the original's with one field more.
 */
final class EventWriter {
    private EventWriter() {
    }

    static void write(JsonGenerator json, ChatMessage event) throws IOException {
        json.writeStartObject();
        writeFields(json, event);
        json.writeEndObject();
    }

    /** The event's fields, inside an object the caller opened (v2 puts its {@code type} first). */
    static void writeFields(JsonGenerator json, ChatMessage event) throws IOException {
        writeText(json, MESSAGE_ID, event.id().value());
        writeText(json, ROOM, event.room().value());
        writeText(json, USER_ID, event.author().value());
        writeText(json, NAME, event.authorName().value());
        if (!event.deleted()) {
            writeText(json, MESSAGE, event.text().value());
        }
        writeTime(json, POSTED_AT, event.postedAt());
        writeTime(json, MODIFIED_AT, event.modifiedAt());
        if (event.deleted()) {
            json.writeFieldName(IS_DELETED);
            json.writeBoolean(true);
        }
        json.writeFieldName(SEQ);
        json.writeNumber(event.seq());
    }
}
