package io.roomchat.core.domain;

import java.time.Instant;
import java.util.Objects;

/** What an edit or delete of a stored message did (a message store's {@code edit}). */
public sealed interface EditOutcome {

    /**
     * The edit rule, the one every store follows: a missing or deleted message is not found, somebody else's is
     * refused (unless a moderator erases it: {@link MessageChange.ModeratorErase}), otherwise the result is
     * {@code current.apply(change, now)}, which the store must then write
     * atomically (only if {@code current} is still what is stored), under the room's next {@code seq}.
     */
    static EditOutcome decide(ChatMessage current, UserId author, MessageChange change, Instant now) {
        if (current == null || current.deleted()) {
            return new NotFound();
        }
        if (!current.isWrittenBy(author) && !(change instanceof MessageChange.ModeratorErase)) {
            return new NotAuthor();
        }
        return new Edited(current.apply(change, now));
    }

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
