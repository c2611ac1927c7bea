package io.roomchat.core.port.out;

import io.roomchat.core.domain.Status;
import java.util.Objects;

/** A room policy's answer to a join: admitted, or refused with the status and reason the caller is told. */
public sealed interface RoomAccess {

    RoomAccess ADMITTED = new Admitted();

    /** Not allowed in: 403, naming {@code room}. */
    static RoomAccess forbidden(String reason) {
        return new Refused(Status.FORBIDDEN, reason);
    }

    /** The room name itself is wrong (a malformed direct room): 400, naming {@code room}. */
    static RoomAccess malformed(String reason) {
        return new Refused(Status.BAD_REQUEST, reason);
    }

    record Admitted() implements RoomAccess {
    }

    /** {@code reason} is sent to the client: it names the field and never echoes a token. */
    record Refused(Status status, String reason) implements RoomAccess {
        public Refused {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
            if (status != Status.FORBIDDEN && status != Status.BAD_REQUEST) {
                throw new IllegalArgumentException("a refused join is 403 or 400, not " + status);
            }
        }
    }
}
