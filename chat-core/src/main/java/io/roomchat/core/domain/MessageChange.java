package io.roomchat.core.domain;

import java.util.Objects;

/** What may be done to a stored message: its author may replace its text or erase it; a moderator may erase it. */
public sealed interface MessageChange {

    record Replace(MessageText text) implements MessageChange {
        public Replace {
            Objects.requireNonNull(text, "text");
        }
    }

    record Erase() implements MessageChange {
    }

    /**
     * A moderator of the message's room erases it, whoever wrote it; the core has checked that {@code moderator}
     * moderates the room before it asks a store for this. The stored message records the moderator as its deleter.
     */
    record ModeratorErase(UserId moderator) implements MessageChange {
        public ModeratorErase {
            Objects.requireNonNull(moderator, "moderator");
        }
    }
}
