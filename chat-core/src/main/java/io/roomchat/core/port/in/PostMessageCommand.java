package io.roomchat.core.port.in;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import java.util.Objects;
import java.util.Optional;

/** {@code onMessage} without a message reference: post new text, optionally under another display name. */
public record PostMessageCommand(RoomName room, MessageText text, Optional<DisplayName> name)
        implements ClientCommand {
    public PostMessageCommand {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
    }

    public PostMessageCommand(RoomName room, MessageText text) {
        this(room, text, Optional.empty());
    }
}
