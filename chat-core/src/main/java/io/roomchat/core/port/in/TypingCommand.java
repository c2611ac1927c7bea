package io.roomchat.core.port.in;

import io.roomchat.core.domain.RoomName;
import java.util.Objects;

/** {@code onTyping} (v2): the caller is typing in {@code room}; the room's other v2 connections are told. */
public record TypingCommand(RoomName room) implements ClientCommand {
    public TypingCommand {
        Objects.requireNonNull(room, "room");
    }
}
