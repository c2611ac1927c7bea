package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;

/**
 * Turns a room event into the text frame a protocol sends. The core asks at most once per event and protocol
 * (see {@link Delivery}), however many connections receive it.
 */
@FunctionalInterface
public interface EventEncoder {

    /** The v1 message-event frame. */
    String encode(ChatMessage event);

    /**
     * The frame for {@code event} on a connection speaking {@code protocol}. By default a message is the v1 frame
     * in either protocol, and any other event has no encoding: an encoder that speaks v2 overrides this. The core
     * sends v1 connections message events, and kicks, which their gateway turns into a close, never a frame.
     */
    default String encode(RoomEvent event, Protocol protocol) {
        if (event instanceof RoomEvent.Message message) {
            return encode(message.message());
        }
        throw new IllegalStateException("this encoder has no frame for " + event.getClass().getSimpleName()
                + " in " + protocol);
    }

    /** For bindings whose sinks take {@link Delivery#event()} and never ask for text. */
    static EventEncoder none() {
        return event -> {
            throw new IllegalStateException("no wire encoder configured");
        };
    }
}
