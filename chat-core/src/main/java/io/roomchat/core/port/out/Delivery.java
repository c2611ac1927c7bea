package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One event on its way to every connection of one protocol in a room. Its wire text, and that text's UTF-8 bytes,
 * are encoded at most once, on first use, however many connections it goes to; a fan-out makes one delivery per
 * protocol.
 */
public final class Delivery {
    private final RoomEvent event;
    private final Protocol protocol;
    private final EventEncoder encoder;
    private volatile String text;
    private volatile byte[] utf8;

    public Delivery(RoomEvent event, Protocol protocol, EventEncoder encoder) {
        this.event = Objects.requireNonNull(event, "event");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /** A message event for v1 connections. */
    public Delivery(ChatMessage message, EventEncoder encoder) {
        this(new RoomEvent.Message(message), Protocol.V1, encoder);
    }

    public RoomEvent event() {
        return event;
    }

    public Protocol protocol() {
        return protocol;
    }

    /**
     * The message this delivery announces, for sinks that take messages.
     *
     * @throws IllegalStateException when it announces another kind of event
     */
    public ChatMessage message() {
        if (event instanceof RoomEvent.Message message) {
            return message.message();
        }
        throw new IllegalStateException("not a message event: " + event.getClass().getSimpleName());
    }

    /** The event as a wire frame of this delivery's protocol. */
    public String text() {
        String encoded = text;
        if (encoded == null) {
            synchronized (this) {
                encoded = text;
                if (encoded == null) {
                    encoded = encoder.encode(event, protocol);
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
