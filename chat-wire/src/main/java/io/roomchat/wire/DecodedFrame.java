package io.roomchat.wire;

import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.Reply;
import java.util.Objects;
import java.util.Optional;

/**
 * One client frame, decoded: a command for the core, or the 400 reply it earns. Either way {@link #requestId()}
 * is what the reply must echo (empty when the frame had none, or an invalid one).
 */
public sealed interface DecodedFrame {

    Optional<String> requestId();

    record Command(ClientCommand command, Optional<String> requestId) implements DecodedFrame {
        public Command {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /** The frame cannot become a command; {@code reply} is a 400 whose body names the offending field. */
    record Invalid(Reply reply, Optional<String> requestId) implements DecodedFrame {
        public Invalid {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(requestId, "requestId");
            if (reply.status() != Status.BAD_REQUEST) {
                throw new IllegalArgumentException("an invalid frame's reply is a 400");
            }
        }
    }
}
