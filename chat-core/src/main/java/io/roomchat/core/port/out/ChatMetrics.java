package io.roomchat.core.port.out;

import io.roomchat.core.domain.Status;

/** What the core reports for monitoring; every method must be cheap and must not throw. */
public interface ChatMetrics {

    /** A client frame arrived, whatever becomes of it. */
    default void frameIn() {
    }

    default void replied(Status status) {
    }

    default void messagePosted() {
    }

    default void fannedOut(FanoutReport report) {
    }

    static ChatMetrics none() {
        return new ChatMetrics() {
        };
    }
}
