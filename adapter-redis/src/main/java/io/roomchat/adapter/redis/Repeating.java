package io.roomchat.adapter.redis;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task run on a daemon thread of its own, first at once, then again {@code every} after each run ends, and kept
 * running whatever a run throws: a {@link ScheduledExecutorService} silently stops repeating a task the first time
 * it throws, which for the heartbeat would mean a node that looks dead and reaps no one.
 */
final class Repeating implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Repeating.class.getName());

    private final String name;
    private final Duration every;
    private final Runnable task;
    private final ScheduledExecutorService timer;

    Repeating(String name, Duration every, Runnable task) {
        this.name = Objects.requireNonNull(name, "name");
        this.every = Objects.requireNonNull(every, "every");
        this.task = Objects.requireNonNull(task, "task");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive");
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        timer.scheduleWithFixedDelay(this::runOnce, 0, every.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void runOnce() {
        try {
            task.run();
        } catch (RuntimeException | Error failure) {
            // Errors too: a heartbeat that stops for good is worse than one that goes on after, say, a full heap.
            LOG.log(Level.ERROR, name + " failed; it runs again in " + every.toMillis() + " ms", failure);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
