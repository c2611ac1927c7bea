package io.roomchat.core.domain;

/** One open socket, named by the transport (API Gateway's connectionId, or a UUID self-hosted). */
public record ConnectionId(String value) {
    public ConnectionId {
        Text.requireLength(value, "connection id", 1, 128);
    }

    @Override
    public String toString() {
        return value;
    }
}
