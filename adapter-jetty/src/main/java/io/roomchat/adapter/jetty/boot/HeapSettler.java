package io.roomchat.adapter.jetty.boot;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back, once a burst of connections has settled ({@link BurstSettling}), the memory the burst made the JVM
 * take: one full collection, after which G1 shrinks the heap to the server's free ratios ({@link HeapSizing}), then
 * glibc's freed C-heap back to the OS (the {@code System.trim_native_heap} diagnostic command, where the JVM has
 * it). Measured in docs/benchmarks.md ("Idle connections"): without it, RSS 5 s after a fast burst of 10,000
 * upgrades stood at 31–50 KB per connection, the young generation G1 grew for the burst, until the periodic
 * collection a minute or two later.
 *
 * <p>Why a full collection: the JVM takes a concurrent cycle on request only with
 * {@code -XX:+ExplicitGCInvokesConcurrent}, which it reads from its command line alone, and G1's periodic
 * collection checks only once per interval, so a short interval would collect an idle server that often. The full
 * collection pauses the server (1.5–3 s for 75 MiB live on two cores at load average 16–36; each is logged with its
 * duration), at most once per {@value #SPACING_SECONDS} s and only after a burst; {@code -XX:+DisableExplicitGC}
 * turns it off.
 */
final class HeapSettler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeapSettler.class);
    /** Connections opened (or closed) since the last collection that make a burst. */
    static final int BURST = 1000;
    static final Duration QUIET = Duration.ofSeconds(2);
    static final int SPACING_SECONDS = 10;
    private static final long LOOK_MILLIS = 500;
    /** More than this allocated between two looks (G1 adds eden a region, 1 MiB or more, at a time) is busy. */
    static final long BUSY_BYTES_PER_LOOK = 1 << 20;

    private final ScheduledExecutorService timer;

    private HeapSettler(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts looking at {@code openConnections} twice a second, on a daemon thread of its own. */
    static HeapSettler start(IntSupplier openConnections) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chat-heap-settler");
            thread.setDaemon(true);
            return thread;
        });
        BurstSettling settling = new BurstSettling(BURST, QUIET, Duration.ofSeconds(SPACING_SECONDS),
                openConnections.getAsInt(), System.nanoTime());
        YoungAllocation allocation = new YoungAllocation();
        timer.scheduleWithFixedDelay(() -> {
            int open = openConnections.getAsInt();
            if (settling.collectNow(open, allocation.busySinceLastLook(), System.nanoTime())) {
                release(open);
            }
        }, LOOK_MILLIS, LOOK_MILLIS, TimeUnit.MILLISECONDS);
        return new HeapSettler(timer);
    }

    /**
     * Whether the server allocated busily since the last look, as the JVM's eden pool and young collections show:
     * eden grew by more than {@link #BUSY_BYTES_PER_LOOK}, or a collection ran.
     */
    private static final class YoungAllocation {
        private final List<MemoryPoolMXBean> eden = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().contains("Eden")).toList();
        private long edenUsed;
        private long collections;

        boolean busySinceLastLook() {
            long used = eden.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
            long ran = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
            boolean busy = ran != collections || used - edenUsed > BUSY_BYTES_PER_LOOK;
            edenUsed = used;
            collections = ran;
            return busy;
        }
    }

    private static void release(int open) {
        long started = System.nanoTime();
        System.gc();
        long collected = System.nanoTime();
        String trimmed = trimNativeHeap();
        LOG.info("a burst of connections settled at {} open: heap collected in {} ms; {}", open,
                TimeUnit.NANOSECONDS.toMillis(collected - started), trimmed);
    }

    /** The JVM's own report of what it trimmed, or why it did not. */
    private static String trimNativeHeap() {
        try {
            Object report = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return String.valueOf(report).strip();
        } catch (JMException | RuntimeException unavailable) {
            return "native heap not trimmed (" + unavailable.getClass().getSimpleName() + ")";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
