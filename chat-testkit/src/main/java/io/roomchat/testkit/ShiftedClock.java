package io.roomchat.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, moved forward by whatever a test asks: for a server that runs on real time but must see a
 * minutes-long rule (a room ban) run out without the test waiting minutes.
 */
public final class ShiftedClock extends UtcClock {
    private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        shift.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift.get());
    }
}
