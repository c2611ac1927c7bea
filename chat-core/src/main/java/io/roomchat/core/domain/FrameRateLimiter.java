package io.roomchat.core.domain;

import java.time.Instant;

/**
 * One connection's frame budget kept in memory (one long of state): the theoretical arrival of its next frame
 * under a {@link FrameRate}, in nanoseconds since the epoch. Thread-safe.
 */
public final class FrameRateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private long theoreticalArrival = Long.MIN_VALUE;

    /** Takes one frame from the budget at {@code now}; false means the frame is over the rate and costs nothing. */
    public synchronized boolean tryTake(FrameRate rate, Instant now) {
        long nowNanos = Math.addExact(Math.multiplyExact(now.getEpochSecond(), NANOS_PER_SECOND), now.getNano());
        long arrival = Math.max(theoreticalArrival, nowNanos);
        if (arrival - nowNanos > rate.toleranceNanos() + rate.intervalNanos()) {
            // Further ahead than any frame can push it: the clock went back. Start over rather than refuse for as
            // long as it jumped.
            arrival = nowNanos;
        }
        if (arrival - nowNanos > rate.toleranceNanos()) {
            return false;
        }
        theoreticalArrival = arrival + rate.intervalNanos();
        return true;
    }
}
