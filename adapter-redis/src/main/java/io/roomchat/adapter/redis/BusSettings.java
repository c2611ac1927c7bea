package io.roomchat.adapter.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a node holds an event that arrived ahead of an earlier one before reading the gap from the store, and how
 * many events it holds per room at most (beyond that it reads the store at once).
 */
record BusSettings(Duration hold, int maxHeld) {
    static final BusSettings DEFAULTS = new BusSettings(Duration.ofMillis(200), 1_000);

    BusSettings {
        Objects.requireNonNull(hold, "hold");
        if (hold.isNegative() || maxHeld < 1) {
            throw new IllegalArgumentException("hold must not be negative and maxHeld must be positive");
        }
    }
}
