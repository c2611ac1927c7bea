package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;
import java.util.Objects;

/** What a {@link MessageStore#insert(ChatMessage)}, keyed or not, did. */
public sealed interface InsertOutcome {

    /** The message is stored; {@code message} is it as stored, with its {@code seq}. */
    record Stored(ChatMessage message) implements InsertOutcome {
        public Stored {
            Objects.requireNonNull(message, "message");
        }
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
