package io.roomchat.testkit;

import java.time.Instant;

/** A UTC clock that shows what the test sets, for the time-dependent rules (token expiry, frame budgets). */
public final class SettableClock extends UtcClock {
    private volatile Instant now;

    public SettableClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
