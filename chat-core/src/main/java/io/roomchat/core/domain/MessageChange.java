package io.roomchat.core.domain;

import java.util.Objects;

/** What an author may do to a stored message: replace its text, or erase it. */
public sealed interface MessageChange {

    record Replace(MessageText text) implements MessageChange {
        public Replace {
            Objects.requireNonNull(text, "text");
        }
    }

    record Erase() implements MessageChange {
    }
}
