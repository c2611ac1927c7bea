package io.roomchat.adapter.jetty.boot;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.roomchat.adapter.jdbc.SyncObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The H2 store's group syncs (fsyncs of its write-ahead log) at {@code /metrics}: {@code chat_store_syncs_seconds}
 * (count, total time, max and buckets of each sync's wall time) and {@code chat_store_sync_writes} (count, sum and max of the writes each sync
 * made durable). Over a window, the difference of the count is syncs per second and the difference of the sum over
 * it is writes per sync. The store is opened before the server's registry exists: syncs before it is bound (none,
 * as no client can write yet) are not counted.
 */
final class H2SyncMeters implements SyncObserver, MeterBinder {
    /** Bucket bounds from a fast disk's sync to one slowed by a neighbour. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1)};

    /** Published in this order and read in the other: the writes meter is set whenever the timer is. */
    private volatile DistributionSummary writes;
    private volatile Timer syncs;

    @Override
    public void bindTo(MeterRegistry registry) {
        writes = DistributionSummary.builder("chat.store.sync.writes")
                .description("writes (posts, edits, deletes) each H2 sync made durable").register(registry);
        syncs = Timer.builder("chat.store.syncs")
                .description("H2 store group syncs (an fsync of its write-ahead log) and their wall time")
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    @Override
    public void synced(long covered, long nanos) {
        Timer timer = syncs;
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
            writes.record(covered);
        }
    }
}
