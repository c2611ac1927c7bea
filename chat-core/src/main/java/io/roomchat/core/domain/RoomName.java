package io.roomchat.core.domain;

/** A room is any 1-128 character name without control characters; {@code _lobby} is ordinary. */
public record RoomName(String value) {
    public static final int MAX_LENGTH = 128;

    public RoomName {
        Text.requireLength(value, "room", 1, MAX_LENGTH);
        Text.requireNoControlCharacters(value, "room");
    }

    @Override
    public String toString() {
        return value;
    }
}
