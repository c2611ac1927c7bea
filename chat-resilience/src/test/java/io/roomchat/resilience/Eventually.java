package io.roomchat.resilience;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls for a state the server reaches on its own time (a socket's cleanup), with a generous deadline. */
public final class Eventually {
    /** Long enough for a busy two-core machine; only a server that never gets there waits this long. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** Polls {@code value} until it equals {@code expected}; fails with the last value seen after {@link #PATIENCE}. */
    public static <T> void equals(T expected, Supplier<T> value, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = value.get();
        while (!expected.equals(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": expected " + expected + " within " + PATIENCE + ", still " + last);
            }
            sleep(50);
            last = value.get();
        }
    }

    /** Sleeps, failing the test if interrupted. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
