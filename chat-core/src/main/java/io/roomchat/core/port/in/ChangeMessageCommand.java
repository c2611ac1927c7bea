package io.roomchat.core.port.in;

import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.RoomName;
import java.util.Objects;

/**
 * {@code onMessage} with a message reference: edit or delete the caller's own message. There is deliberately no
 * user id here: the author is checked against the stored message, never against what a client claims.
 */
public record ChangeMessageCommand(RoomName room, MessageRef message, MessageChange change)
        implements ClientCommand {
    public ChangeMessageCommand {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(change, "change");
    }
}
