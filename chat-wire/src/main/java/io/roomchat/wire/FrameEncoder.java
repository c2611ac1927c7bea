package io.roomchat.wire;

import static io.roomchat.wire.FieldNames.*;
import static io.roomchat.wire.JsonTextWriter.writeText;
import static io.roomchat.wire.JsonTextWriter.writeTime;

import com.fasterxml.jackson.core.JsonGenerator;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.io.IOException;
import java.util.Optional;

/**
 * Server-to-client frames. A reply is {@code {"statusCode","body","requestId"?}} followed by its payload's fields;
 * a message event has no {@code statusCode}, which is how clients tell the two apart.
 */
final class FrameEncoder {
    private final JsonTextWriter writer = new JsonTextWriter();

    String event(ChatMessage event) {
        return writer.write(json -> EventWriter.write(json, event));
    }

    String reply(Reply reply, Optional<String> requestId) {
        return writer.write(json -> {
            json.writeStartObject();
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
        }
    }
}
