package io.roomchat.wire;

import static io.roomchat.wire.FieldNames.*;
import static io.roomchat.wire.JsonTextWriter.writeText;
import static io.roomchat.wire.JsonTextWriter.writeTime;

import com.fasterxml.jackson.core.JsonGenerator;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.PresentUser;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomPresence;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.io.IOException;
import java.util.Optional;

/**
 * Server-to-client frames. A reply is {@code {"statusCode","body","requestId"?}} followed by its payload's fields;
 * a v1 message event has no {@code statusCode}, which is how v1 clients tell the two apart. On v2 every frame starts
 * with its {@code type} ({@code reply}, {@code message}, {@code presence}, {@code typing}, {@code read}).
 */
final class FrameEncoder {
    private final JsonTextWriter writer = new JsonTextWriter();

    String event(ChatMessage event) {
        return writer.write(json -> EventWriter.write(json, event));
    }

    /** A room event for a connection of {@code protocol}; v1 has message events only. */
    String event(RoomEvent event, Protocol protocol) {
        if (protocol == Protocol.V2) {
            return writer.write(json -> V2EventWriter.write(json, event));
        }
        if (event instanceof RoomEvent.Message message) {
            return event(message.message());
        }
        throw new IllegalArgumentException("v1 has no frame for " + event.getClass().getSimpleName());
    }

    String reply(Reply reply, Optional<String> requestId, Protocol protocol) {
        return writer.write(json -> {
            json.writeStartObject();
            if (protocol == Protocol.V2) {
                V2EventWriter.writeType(json, "reply");
            }
            json.writeFieldName(STATUS_CODE);
            json.writeNumber(reply.status().code());
            writeText(json, BODY, reply.body());
            if (requestId.isPresent()) {
                writeText(json, REQUEST_ID, requestId.get());
            }
            if (reply.payload().isPresent()) {
                writePayload(json, reply.payload().get());
            }
            json.writeEndObject();
        });
    }

    private static void writePayload(JsonGenerator json, ReplyPayload payload) throws IOException {
        if (payload instanceof ReplyPayload.Posted posted) {
            writeText(json, MESSAGE_ID, posted.messageId().value());
            writeTime(json, POSTED_AT, posted.postedAt());
            json.writeFieldName(SEQ);
            json.writeNumber(posted.seq());
        } else if (payload instanceof ReplyPayload.HistoryPage page) {
            writeText(json, ROOM, page.room().value());
            json.writeFieldName(MESSAGES);
            json.writeStartArray();
            for (ChatMessage message : page.messages()) {
                EventWriter.write(json, message);
            }
            json.writeEndArray();
            json.writeFieldName(HAS_MORE);
            json.writeBoolean(page.hasMore());
        } else if (payload instanceof ReplyPayload.Joined joined) {
            writeText(json, ROOM, joined.room().value());
            json.writeFieldName(SEQ);
            json.writeNumber(joined.seq());
            writePresence(json, joined.presence());
            json.writeFieldName(LAST_READ);
            if (joined.lastRead().isPresent()) {
                json.writeString(InstantFormat.format(joined.lastRead().get()));
            } else {
                json.writeNull();
            }
            json.writeFieldName(UNREAD);
            json.writeNumber(joined.unread());
            json.writeFieldName(MODERATOR);
            json.writeBoolean(joined.moderator());
            if (joined.recovered().isPresent()) {
                json.writeFieldName(RECOVERED);
                json.writeBoolean(joined.recovered().get());
            }
        } else if (payload instanceof ReplyPayload.Present present) {
            writeText(json, ROOM, present.room().value());
            writePresence(json, present.presence());
        } else if (payload instanceof ReplyPayload.ReadUpTo read) {
            writeText(json, ROOM, read.room().value());
            writeTime(json, LAST_READ, read.lastRead());
        }
    }

    private static void writePresence(JsonGenerator json, RoomPresence presence) throws IOException {
        json.writeFieldName(MEMBERS);
        json.writeStartArray();
        for (PresentUser user : presence.listed()) {
            json.writeStartObject();
            writeText(json, USER_ID, user.userId().value());
            writeText(json, NAME, user.name().value());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeFieldName(MEMBER_COUNT);
        json.writeNumber(presence.count());
    }
}
