package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;
import java.util.Objects;

/** What a {@link MessageStore#edit} did. */
public sealed interface EditOutcome {

    /** The change is stored; {@code message} is the message as it now is. */
    record Edited(ChatMessage message) implements EditOutcome {
        public Edited {
            Objects.requireNonNull(message, "message");
        }
    }

    /** No such message in the room, or it is already deleted; nothing changed. */
    record NotFound() implements EditOutcome {
    }

    /** The message exists but somebody else wrote it; nothing changed. */
    record NotAuthor() implements EditOutcome {
    }
}
