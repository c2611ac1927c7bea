package io.roomchat.core.domain;

/**
 * A connection's frame budget as the generic cell rate algorithm sees it: one frame per {@code intervalNanos} on
 * average, and a frame may arrive up to {@code toleranceNanos} ahead of its turn (the burst). Its state is one
 * time, the theoretical arrival of the next frame: a frame at {@code now} is allowed when that time is no more
 * than the tolerance ahead of {@code now}, and moves it to {@code max(time, now) + interval}.
 */
public record FrameRate(long intervalNanos, long toleranceNanos) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public FrameRate {
        if (intervalNanos <= 0 || toleranceNanos < 0) {
            throw new IllegalArgumentException("the interval must be positive and the tolerance not negative");
        }
    }

    public static FrameRate of(int framesPerSecond, int burst) {
        if (framesPerSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("framesPerSecond and burst must be positive");
        }
        long interval = NANOS_PER_SECOND / framesPerSecond;
        return new FrameRate(interval, interval * (burst - 1));
    }

    public static FrameRate of(Limits limits) {
        return of(limits.framesPerSecond(), limits.frameBurst());
    }
}
