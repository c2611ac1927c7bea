package io.roomchat.adapter.jetty.boot;

import java.time.Duration;

/**
 * Decides when a burst of connections has settled, so that the heap the burst grew can be collected and given
 * back at once rather than at G1's next periodic collection (up to two minutes later): the number of open
 * connections has moved by at least {@code burst} since the last collection, has then stayed within a small band
 * ({@code burst / 20}) for {@code quiet} during which the server was not allocating busily (the connections of a
 * burst join their rooms after they open, which refills the young generation), and the last collection is at
 * least {@code spacing} ago. A server whose count never moves that much never collects on its own; one with
 * constant small churn still settles; one that stays busy is not collected, since its heap is in use.
 *
 * <p>Not thread-safe: one thread looks at the count (see {@link HeapSettler}).
 */
final class BurstSettling {
    private final int burst;
    private final int band;
    private final long quietNanos;
    private final long spacingNanos;
    private int countAtCollection;
    private int anchorCount;
    private long anchorNanos;
    private long collectedNanos;

    /** {@code open}: the connections open at {@code nowNanos}, when the server starts looking. */
    BurstSettling(int burst, Duration quiet, Duration spacing, int open, long nowNanos) {
        if (burst < 1 || quiet.isNegative() || spacing.isNegative() || open < 0) {
            throw new IllegalArgumentException("need burst >= 1, quiet and spacing >= 0, open >= 0");
        }
        this.burst = burst;
        this.band = Math.max(1, burst / 20);
        this.quietNanos = quiet.toNanos();
        this.spacingNanos = spacing.toNanos();
        this.countAtCollection = open;
        this.anchorCount = open;
        this.anchorNanos = nowNanos;
        this.collectedNanos = nowNanos - spacingNanos;
    }

    /**
     * One look at the open count and whether the server allocated busily since the last look; true when a
     * collection is due now, which is then taken as done.
     */
    boolean collectNow(int open, boolean allocating, long nowNanos) {
        if (allocating || Math.abs(open - anchorCount) >= band) {
            anchorCount = open;
            anchorNanos = nowNanos;
            return false;
        }
        boolean due = Math.abs(open - countAtCollection) >= burst
                && nowNanos - anchorNanos >= quietNanos
                && nowNanos - collectedNanos >= spacingNanos;
        if (due) {
            countAtCollection = open;
            collectedNanos = nowNanos;
        }
        return due;
    }
}
