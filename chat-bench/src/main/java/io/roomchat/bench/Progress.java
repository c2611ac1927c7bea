package io.roomchat.bench;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Human-readable lines on stderr; stdout is kept for the one machine-readable result line. */
final class Progress {
    private static final int FAILURES_SHOWN = 3;

    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger failuresShown = new AtomicInteger();

    Progress(PrintStream out) {
        this.out = out;
    }

    void line(String format, Object... args) {
        out.printf("[%6.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, String.format(format, args));
    }

    /** The first few failures in full, so a run that goes wrong says why without flooding the terminal. */
    void firstFailure(String what, Throwable failure) {
        if (failuresShown.incrementAndGet() <= FAILURES_SHOWN) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            line("%s failed: %s", what, cause);
        }
    }
}
