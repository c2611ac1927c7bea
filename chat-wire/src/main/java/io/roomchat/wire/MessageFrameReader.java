package io.roomchat.wire;

import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import java.util.Optional;

/**
 * {@code onMessage}, as the original overloaded it: without a reference to a stored message it posts a new one;
 * with {@code postedAt} or {@code messageId} it edits that message, or erases it given {@code isDeleted: true}.
 */
final class MessageFrameReader {
    private static final String CLIENT_MESSAGE_ID = "clientMessageId";

    private MessageFrameReader() {
    }

    static ClientCommand read(FrameFields fields) {
        RoomName room = fields.required("room", RoomName::new);
        Optional<MessageRef> reference = reference(fields);
        if (reference.isEmpty()) {
            return post(room, fields);
        }
        // The original client sends its userId; it is type-checked but never trusted: the core checks the author.
        fields.optionalString("userId");
        // A client key makes a resent post store once; an edit or delete given one would wrongly seem so guarded.
        if (fields.optionalString(CLIENT_MESSAGE_ID).isPresent()) {
            throw new FrameRejected(CLIENT_MESSAGE_ID + ": only for a new message");
        }
        return new ChangeMessageCommand(room, reference.get(), change(fields));
    }

    /** A new message's fields; the server API reads its body with it too, so both take the same fields. */
    static PostMessageCommand post(RoomName room, FrameFields fields) {
        if (fields.flag("isDeleted")) {
            throw new FrameRejected("isDeleted: needs postedAt or messageId");
        }
        return new PostMessageCommand(room, fields.required("message", MessageText::new),
                fields.optional("name", DisplayName::new), fields.optional(CLIENT_MESSAGE_ID, ClientMessageId::new));
    }

    /**
     * Given both, {@code messageId} wins: it names one message even where two share a millisecond. A given
     * {@code postedAt} must still be a valid instant, so a frame never passes with a garbage field in it.
     */
    private static Optional<MessageRef> reference(FrameFields fields) {
        Optional<MessageRef> byPostedAt = fields.optionalInstant("postedAt").map(MessageRef.ByPostedAt::new);
        Optional<MessageRef> byId = fields.optional("messageId", MessageId::new).map(MessageRef.ById::new);
        return byId.or(() -> byPostedAt);
    }

    private static MessageChange change(FrameFields fields) {
        if (fields.flag("isDeleted")) {
            return new MessageChange.Erase();
        }
        return new MessageChange.Replace(fields.required("message", MessageText::new));
    }
}
