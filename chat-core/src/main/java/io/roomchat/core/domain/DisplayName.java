package io.roomchat.core.domain;

/** The name a connection shows in a room: 1-64 characters, no control characters. */
public record DisplayName(String value) {
    public static final int MAX_LENGTH = 64;

    public DisplayName {
        Text.requireLength(value, "name", 1, MAX_LENGTH);
        Text.requireNoControlCharacters(value, "name");
    }

    @Override
    public String toString() {
        return value;
    }
}
