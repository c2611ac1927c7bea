package io.roomchat.core.domain;

import java.util.function.LongSupplier;

/**
 * The per-connection frame budget of a {@link FrameRate}, kept in memory (one long of state). One instance per
 * connection; thread-safe.
 */
public final class FrameRateLimiter {
    private final LongSupplier nanoTime;
    private final FrameRate rate;
    private long theoreticalArrival;

    public FrameRateLimiter(int framesPerSecond, int burst, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.rate = FrameRate.of(framesPerSecond, burst);
        this.theoreticalArrival = nanoTime.getAsLong();
    }

    public static FrameRateLimiter of(Limits limits) {
        return new FrameRateLimiter(limits.framesPerSecond(), limits.frameBurst(), System::nanoTime);
    }

    /** Takes one frame from the budget; false means the frame is over the limit (a 429) and costs nothing. */
    public synchronized boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        long arrival = Math.max(theoreticalArrival, now);
        if (arrival - now > rate.toleranceNanos()) {
            return false;
        }
        theoreticalArrival = arrival + rate.intervalNanos();
        return true;
    }
}
