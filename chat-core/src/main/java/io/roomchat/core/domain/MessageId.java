package io.roomchat.core.domain;

/** A stored message's unique id. */
public record MessageId(String value) {
    public MessageId {
        Text.requireLength(value, "messageId", 1, 64);
        Text.requireNoControlCharacters(value, "messageId");
    }

    @Override
    public String toString() {
        return value;
    }
}
