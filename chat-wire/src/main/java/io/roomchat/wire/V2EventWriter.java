package io.roomchat.wire;

import static io.roomchat.wire.FieldNames.*;
import static io.roomchat.wire.JsonTextWriter.writeText;
import static io.roomchat.wire.JsonTextWriter.writeTime;

import com.fasterxml.jackson.core.JsonGenerator;
import io.roomchat.core.domain.RoomEvent;
import java.io.IOException;
import java.util.Locale;

/**
 * A room event as a v2 frame: an object whose first field is its {@code type}. A message keeps every field of its
 * v1 frame, in the same order, after the type.
 */
final class V2EventWriter {
    private V2EventWriter() {
    }

    static void write(JsonGenerator json, RoomEvent event) throws IOException {
        json.writeStartObject();
        if (event instanceof RoomEvent.Message message) {
            writeType(json, "message");
            EventWriter.writeFields(json, message.message());
        } else if (event instanceof RoomEvent.Presence presence) {
            writeType(json, "presence");
            writeText(json, ROOM, presence.room().value());
            json.writeFieldName(EVENT);
            json.writeString(presence.kind().name().toLowerCase(Locale.ROOT));
            writeText(json, USER_ID, presence.userId().value());
            writeText(json, NAME, presence.name().value());
        } else if (event instanceof RoomEvent.Typing typing) {
            writeType(json, "typing");
            writeText(json, ROOM, typing.room().value());
            writeText(json, USER_ID, typing.userId().value());
            writeText(json, NAME, typing.name().value());
        } else if (event instanceof RoomEvent.Read read) {
            writeType(json, "read");
            writeText(json, ROOM, read.room().value());
            writeText(json, USER_ID, read.userId().value());
            writeTime(json, POSTED_AT, read.postedAt());
        } else if (event instanceof RoomEvent.Kicked kicked) {
            writeType(json, "kicked");
            writeText(json, ROOM, kicked.room().value());
            writeText(json, BY, kicked.by().value());
        }
        json.writeEndObject();
    }

    static void writeType(JsonGenerator json, String type) throws IOException {
        json.writeFieldName(TYPE);
        json.writeString(type);
    }
}
