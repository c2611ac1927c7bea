package io.roomchat.adapter.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a node holds an event that arrived ahead of an earlier one before reading the gap from the store, and how
 * many events it holds per room at most (beyond that it reads the store at once); how often a node refreshes its
 * heartbeat (and looks for silent nodes), and how long its heartbeat lives without a refresh.
 */
record BusSettings(Duration hold, int maxHeld, Duration heartbeat, Duration nodeTtl) {
    /** A node killed without a word leaves presence within nodeTtl + heartbeat: 20 s, inside SPEC §8's 30 s. */
    static final BusSettings DEFAULTS = new BusSettings(Duration.ofMillis(200), 1_000, Duration.ofSeconds(5),
            Duration.ofSeconds(15));

    BusSettings {
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(nodeTtl, "nodeTtl");
        if (hold.isNegative() || maxHeld < 1) {
            throw new IllegalArgumentException("hold must not be negative and maxHeld must be positive");
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || nodeTtl.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("heartbeat must be positive and nodeTtl at least two heartbeats");
        }
    }

    BusSettings withHold(Duration newHold, int newMaxHeld) {
        return new BusSettings(newHold, newMaxHeld, heartbeat, nodeTtl);
    }

    BusSettings withHeartbeat(Duration newHeartbeat, Duration newNodeTtl) {
        return new BusSettings(hold, maxHeld, newHeartbeat, newNodeTtl);
    }
}
