package io.roomchat.core.port.out;

import io.roomchat.core.domain.UserId;
import java.util.Objects;

/** The verdict on a server API token: a publisher (401 otherwise), who may publish (403 otherwise). */
public sealed interface PublisherVerification {

    /** A valid token that grants publishing; {@code userId} is its subject, the author of what it posts. */
    record Publisher(UserId userId) implements PublisherVerification {
        public Publisher {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /**
     * No valid token. {@code reason} (such as {@code expired}) is for the answer and logs and must not contain the
     * token.
     */
    record Unauthenticated(String reason) implements PublisherVerification {
        public Unauthenticated {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A valid token that does not grant publishing. {@code reason} must not contain the token. */
    record NotPermitted(String reason) implements PublisherVerification {
        public NotPermitted {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
