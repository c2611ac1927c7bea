package io.roomchat.adapter.redis;

import java.time.Duration;

/** Waits for what a test asserts, with a deadline, on a loaded machine. */
final class Eventually {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Eventually() {
    }

    static void await(Runnable assertion) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", interrupted);
            }
        }
    }
}
