package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;
import java.util.Objects;

/**
 * One event on its way to every member of a room. Its wire text is encoded at most once, on first use,
 * however many connections it goes to.
 */
public final class Delivery {
    private final ChatMessage message;
    private final EventEncoder encoder;
    private volatile String text;

    public Delivery(ChatMessage message, EventEncoder encoder) {
        this.message = Objects.requireNonNull(message, "message");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    public ChatMessage message() {
        return message;
    }

    /** The event as a wire frame. */
    public String text() {
        String encoded = text;
        if (encoded == null) {
            synchronized (this) {
                encoded = text;
                if (encoded == null) {
                    encoded = encoder.encode(message);
                    text = encoded;
                }
            }
        }
        return encoded;
    }
}
