package io.roomchat.core.port.in;

import io.roomchat.core.domain.Status;
import java.util.Objects;

/** What {@link PublishUseCase#publish} did. */
public sealed interface PublishOutcome {

    /** The message is stored, durable and published. */
    record Stored(ReplyPayload.Posted posted) implements PublishOutcome {
        public Stored {
            Objects.requireNonNull(posted, "posted");
        }
    }

    /** A resend: the author already posted {@code original} in the room under the same client key; nothing stored. */
    record DuplicateOf(ReplyPayload.Posted original) implements PublishOutcome {
        public DuplicateOf {
            Objects.requireNonNull(original, "original");
        }
    }

    /** A rule said no (such as 413 for a text over the limit); {@code reason} names the field. Nothing changed. */
    record Refused(Status status, String reason) implements PublishOutcome {
        public Refused {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
            if (status == Status.OK) {
                throw new IllegalArgumentException("a refusal cannot be OK");
            }
        }
    }
}
