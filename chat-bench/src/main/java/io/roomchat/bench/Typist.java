package io.roomchat.bench;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends typing frames open-loop: every connection once per interval, staggered so that the fleet's frames are spread
 * evenly over it (frame {@code k} is due at {@code start + k * interval / N}, from connection {@code k mod N}),
 * whether or not earlier ones were answered. Runs on its own thread, beside the pacer.
 */
final class Typist {
    private final List<BenchSocket> sockets;
    private final double spacingNanos;
    private long maxLagNanos;

    Typist(List<BenchSocket> sockets, long intervalMillis) {
        if (sockets.isEmpty() || intervalMillis < 1) {
            throw new IllegalArgumentException("a typist needs connections and an interval of 1 ms or more");
        }
        this.sockets = List.copyOf(sockets);
        this.spacingNanos = intervalMillis * 1e6 / sockets.size();
    }

    /** Types until {@code endNanos} (or until interrupted). */
    void run(long startNanos, long endNanos) {
        long k = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            if (now >= endNanos) {
                return;
            }
            long due = startNanos + (long) (k * spacingNanos);
            if (due > now) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            maxLagNanos = Math.max(maxLagNanos, now - due);
            BenchSocket typist = sockets.get((int) (k++ % sockets.size()));
            if (typist.canPost()) {
                typist.type();
            }
        }
    }

    /** How late the most delayed typing frame went out. */
    long maxLagNanos() {
        return maxLagNanos;
    }
}
