package io.roomchat.core.port.in;

import io.roomchat.core.domain.Connection;
import java.util.Objects;

/** Whether a connection was accepted; a refused one becomes an HTTP 401 at the upgrade. */
public sealed interface ConnectOutcome {

    record Accepted(Connection connection) implements ConnectOutcome {
        public Accepted {
            Objects.requireNonNull(connection, "connection");
        }
    }

    /** {@code reason} is for logs; it never contains the token. */
    record Refused(String reason) implements ConnectOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
