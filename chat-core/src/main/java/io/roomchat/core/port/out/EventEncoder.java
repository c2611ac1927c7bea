package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;

/** Turns a message event into the text frame the wire protocol sends. */
@FunctionalInterface
public interface EventEncoder {

    String encode(ChatMessage event);

    /** For bindings whose sinks take {@link Delivery#message()} and never ask for text. */
    static EventEncoder none() {
        return event -> {
            throw new IllegalStateException("no wire encoder configured");
        };
    }
}
