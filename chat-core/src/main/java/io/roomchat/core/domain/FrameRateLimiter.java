package io.roomchat.core.domain;

import java.util.function.LongSupplier;

/**
 * The per-connection frame budget: {@code framesPerSecond} on average with bursts of up to {@code burst}
 * (the generic cell rate algorithm, one long of state). One instance per connection; thread-safe.
 */
public final class FrameRateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private final long interval;
    private final long tolerance;
    private long theoreticalArrival;

    public FrameRateLimiter(int framesPerSecond, int burst, LongSupplier nanoTime) {
        if (framesPerSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("framesPerSecond and burst must be positive");
        }
        this.nanoTime = nanoTime;
        this.interval = NANOS_PER_SECOND / framesPerSecond;
        this.tolerance = interval * (burst - 1);
        this.theoreticalArrival = nanoTime.getAsLong();
    }

    public static FrameRateLimiter of(Limits limits) {
        return new FrameRateLimiter(limits.framesPerSecond(), limits.frameBurst(), System::nanoTime);
    }

    /** Takes one frame from the budget; false means the frame is over the limit (a 429) and costs nothing. */
    public synchronized boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        long arrival = Math.max(theoreticalArrival, now);
        if (arrival - now > tolerance) {
            return false;
        }
        theoreticalArrival = arrival + interval;
        return true;
    }
}
