package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;
import java.util.Objects;

/** What a keyed {@link MessageStore#insert(ChatMessage, io.roomchat.core.domain.ClientMessageId)} did. */
public sealed interface InsertOutcome {

    /** The message is stored. */
    record Stored() implements InsertOutcome {
    }

    /** Its {@code (room, postedAt)} or its id is taken; nothing is stored, and the caller may try another time. */
    record Taken() implements InsertOutcome {
    }

    /** The author already has {@code original} in the room under the same client key; nothing is stored. */
    record DuplicateOf(ChatMessage original) implements InsertOutcome {
        public DuplicateOf {
            Objects.requireNonNull(original, "original");
        }
    }
}
