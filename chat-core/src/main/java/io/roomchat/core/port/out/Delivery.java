package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One event on its way to every member of a room. Its wire text, and that text's UTF-8 bytes, are encoded at most
 * once, on first use, however many connections it goes to.
 */
public final class Delivery {
    private final ChatMessage message;
    private final EventEncoder encoder;
    private volatile String text;
    private volatile byte[] utf8;

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

    /**
     * The event's frame as UTF-8, for transports that write bytes: a new buffer each call, over bytes shared by
     * every call. Read it; never write into it.
     */
    public ByteBuffer utf8() {
        byte[] encoded = utf8;
        if (encoded == null) {
            encoded = text().getBytes(StandardCharsets.UTF_8);
            utf8 = encoded; // a race encodes twice at worst: the bytes are equal
        }
        return ByteBuffer.wrap(encoded);
    }
}
