package io.roomchat.core.port.in;

import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code onMessage} without a message reference: post new text, optionally under another display name, and
 * optionally under the client's own key, so that a resent post is stored once.
 */
public record PostMessageCommand(RoomName room, MessageText text, Optional<DisplayName> name,
                                 Optional<ClientMessageId> clientMessageId)
        implements ClientCommand {
    public PostMessageCommand {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
    }

    public PostMessageCommand(RoomName room, MessageText text, Optional<DisplayName> name) {
        this(room, text, name, Optional.empty());
    }

    public PostMessageCommand(RoomName room, MessageText text) {
        this(room, text, Optional.empty());
    }
}
