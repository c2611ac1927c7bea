package io.roomchat.adapter.jetty;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A service the server depends on (the database, the bus), probed for {@code /health}. A probe may block (a database
 * that stopped answering), so it runs on a thread of its own, at most one at a time per service however many health
 * requests come, and a request waits for it at most {@link #WAIT_MILLIS}: slower counts as down.
 */
final class DependencyProbe {
    static final long WAIT_MILLIS = 2_000;

    private final String name;
    private final boolean required;
    private final BooleanSupplier up;
    private CompletableFuture<Boolean> inFlight;

    DependencyProbe(String name, boolean required, BooleanSupplier up) {
        this.name = Objects.requireNonNull(name);
        this.required = required;
        this.up = Objects.requireNonNull(up);
    }

    String name() {
        return name;
    }

    /** Whether the server cannot do its job without it (a store) rather than do it less well (a bus). */
    boolean required() {
        return required;
    }

    /** Whether it answers: the probe in flight, or a new one, given at most {@link #WAIT_MILLIS}. */
    CompletableFuture<Boolean> isUp() {
        return current().copy().completeOnTimeout(false, WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .exceptionally(failed -> false);
    }

    private synchronized CompletableFuture<Boolean> current() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(up::getAsBoolean, task -> {
                Thread thread = new Thread(task, "health-probe-" + name);
                thread.setDaemon(true);
                thread.start();
            });
        }
        return inFlight;
    }
}
