package io.roomchat.core.application;

import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.Reply;
import java.util.Optional;

/** The configurable upper bound on a message's text, with its own status: 413. */
final class TextLimit {
    private final int maxChars;

    TextLimit(Limits limits) {
        this.maxChars = limits.maxMessageChars();
    }

    Optional<Reply> check(MessageText text) {
        if (text.length() > maxChars) {
            return Optional.of(Reply.rejected(Status.PAYLOAD_TOO_LARGE,
                    "message: must be at most " + maxChars + " characters"));
        }
        return Optional.empty();
    }
}
