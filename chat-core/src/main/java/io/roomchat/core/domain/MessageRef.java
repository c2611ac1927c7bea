package io.roomchat.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** How a client names a stored message of a room: by its {@code postedAt} (as the original did) or its id. */
public sealed interface MessageRef {

    record ByPostedAt(Instant postedAt) implements MessageRef {
        public ByPostedAt {
            postedAt = Objects.requireNonNull(postedAt, "postedAt").truncatedTo(ChronoUnit.MILLIS);
        }
    }

    record ById(MessageId id) implements MessageRef {
        public ById {
            Objects.requireNonNull(id, "id");
        }
    }

    default boolean matches(ChatMessage message) {
        if (this instanceof ByPostedAt byPostedAt) {
            return message.postedAt().equals(byPostedAt.postedAt());
        }
        return message.id().equals(((ById) this).id());
    }
}
