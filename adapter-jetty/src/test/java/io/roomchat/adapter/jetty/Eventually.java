package io.roomchat.adapter.jetty;

import java.util.function.BooleanSupplier;

/** Waits for what the server does on its own threads (a registration, a close, a clean-up) to show. */
public final class Eventually {
    /** Long enough for a busy two-core machine; only a server that never gets there waits this long. */
    private static final long PATIENCE_MILLIS = 30_000;

    private Eventually() {
    }

    /** Returns once {@code condition} holds, or after the patience ran out; the caller asserts what it then sees. */
    public static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
