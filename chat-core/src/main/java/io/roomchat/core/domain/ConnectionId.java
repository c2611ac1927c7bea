package io.roomchat.core.domain;

/**
 * One open socket, named by the transport (API Gateway's connectionId, or a UUID self-hosted). No control
 * characters: stores build keys of their own items from it with a control character as separator.
 */
public record ConnectionId(String value) {
    public ConnectionId {
        Text.requireLength(value, "connection id", 1, 128);
        Text.requireNoControlCharacters(value, "connection id");
    }

    @Override
    public String toString() {
        return value;
    }
}
