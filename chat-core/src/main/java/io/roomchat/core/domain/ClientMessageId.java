package io.roomchat.core.domain;

/**
 * A client's own key for a new message, so that resending a post whose reply was lost stores it only once: among
 * one author's messages in one room, a key names at most one. 1-64 characters without control characters.
 */
public record ClientMessageId(String value) {
    public static final int MAX_LENGTH = 64;

    public ClientMessageId {
        Text.requireLength(value, "clientMessageId", 1, MAX_LENGTH);
        Text.requireNoControlCharacters(value, "clientMessageId");
    }

    @Override
    public String toString() {
        return value;
    }
}
