package io.roomchat.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A join storm: {@code size} more connections connect and join the fleet's rooms (spread as the fleet is), evenly
 * over a time, while posting goes on. It tells the stats when it began and when its last join was answered, so
 * post latencies during the storm are reported apart. Runs on its own thread.
 */
final class Storm {
    /** Longest wait, after the last connection started, for the storm's joins to be answered. */
    private static final long ANSWER_WAIT_SECONDS = 60;

    private final Fleet fleet;
    private final LoadStats stats;
    private final int firstUser;
    private final int size;
    private final long spreadNanos;
    private final AtomicInteger joined = new AtomicInteger();
    private final AtomicLong lastAnswerNanos = new AtomicLong();
    private final CountDownLatch answered;
    private volatile long startNanos;
    private volatile long gaveUpNanos;
    private volatile Throwable firstFailure;

    /** Users {@code firstUser .. firstUser + size - 1} of the run join over {@code seconds}. */
    Storm(Fleet fleet, LoadStats stats, int firstUser, int size, int seconds) {
        if (size < 1 || seconds < 1) {
            throw new IllegalArgumentException("a storm needs 1 connection or more over 1 s or more");
        }
        this.fleet = fleet;
        this.stats = stats;
        this.firstUser = firstUser;
        this.size = size;
        this.spreadNanos = TimeUnit.SECONDS.toNanos(seconds);
        this.answered = new CountDownLatch(size);
    }

    /** Starts connection {@code j} at {@code start + j * seconds / size}, then waits a bounded time for the answers. */
    void run(long start) throws InterruptedException {
        waitUntil(start);
        // The storm's clock starts when it was due: a late start of this thread makes the storm take longer.
        startNanos = start;
        stats.stormStarted(start);
        for (int j = 0; j < size; j++) {
            waitUntil(start + spreadNanos * j / size);
            try {
                fleet.joinLatecomer(firstUser + j).whenComplete((ok, failure) -> answered(failure));
            } catch (RuntimeException failure) {
                answered(failure);
            }
        }
        if (!answered.await(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS)) {
            gaveUpNanos = System.nanoTime();
            stats.stormEnded(gaveUpNanos);
        }
    }

    private static void waitUntil(long due) throws InterruptedException {
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException("storm stopped");
            }
        }
    }

    private void answered(Throwable failure) {
        if (failure == null) {
            joined.incrementAndGet();
        } else if (firstFailure == null) {
            firstFailure = failure;
        }
        long now = System.nanoTime();
        lastAnswerNanos.accumulateAndGet(now, Math::max);
        answered.countDown();
        if (answered.getCount() == 0) {
            stats.stormEnded(now);
        }
    }

    int joined() {
        return joined.get();
    }

    /** Connections that failed to connect or to join; those never answered within the wait count as well. */
    int failed() {
        return size - joined.get();
    }

    /** From the storm's start (when it was due) to the last join answered (or the wait given up), in seconds. */
    double tookSeconds() {
        long start = startNanos;
        long end = answered.getCount() == 0 ? lastAnswerNanos.get() : gaveUpNanos;
        return start == 0 || end == 0 ? 0 : (end - start) / 1e9;
    }

    Throwable firstFailure() {
        return firstFailure;
    }
}
