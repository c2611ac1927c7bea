package io.roomchat.core.port.out;

import io.roomchat.core.domain.Identity;
import java.util.Objects;

/** The verdict on a token. */
public sealed interface TokenVerification {

    record Verified(Identity identity) implements TokenVerification {
        public Verified {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** {@code reason} is for logs and must not contain the token. */
    record Refused(String reason) implements TokenVerification {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
