package io.roomchat.auth.jwt;

import java.time.Duration;
import java.time.Instant;

/** Polls an assertion until it holds or a deadline passes: the tests wait for what they assert, never sleep-and-hope. */
final class Eventually {
    /** Far above anything the tests wait for, so that only a hang reaches it. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Eventually() {
    }

    static void eventually(Runnable assertion) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
