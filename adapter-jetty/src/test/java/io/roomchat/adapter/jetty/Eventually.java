package io.roomchat.adapter.jetty;

import java.util.function.BooleanSupplier;

/** Waits for what the server does on its own threads (a close, a clean-up) to show. */
final class Eventually {
    private static final long PATIENCE_MILLIS = 5_000;

    private Eventually() {
    }

    /** Returns once {@code condition} holds, or after five seconds; the caller asserts what it then sees. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
