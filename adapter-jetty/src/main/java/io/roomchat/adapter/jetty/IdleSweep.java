package io.roomchat.adapter.jetty;

import java.time.Duration;

/**
 * Closes (1001) every open socket the server has heard nothing from (no frame, no ping, no pong) for the idle
 * timeout, whether or not the server pings. One sweep for all sockets instead of Jetty's idle timeout per endpoint,
 * which keeps a scheduled task per socket for its life (about 140 bytes each; docs/benchmarks.md).
 */
final class IdleSweep implements Runnable {
    /** A silent socket is closed at most this long after its idle timeout (or a tenth of the timeout, if less). */
    private static final Duration MAX_PERIOD = Duration.ofSeconds(1);

    private final JettyConnectionGateway gateway;
    private final long idleNanos;

    IdleSweep(JettyConnectionGateway gateway, Duration idleTimeout) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, was " + idleTimeout);
        }
        this.gateway = gateway;
        this.idleNanos = idleTimeout.toNanos();
    }

    /** How often to sweep: a tenth of the idle timeout, at most a second, at least a millisecond. */
    long periodMillis() {
        return Math.max(1, Math.min(MAX_PERIOD.toNanos(), idleNanos / 10) / 1_000_000);
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        gateway.forEachOpen(connection -> {
            if (connection.silentNanos(now) > idleNanos) {
                gateway.drop(connection, JettyConnectionGateway.GOING_AWAY, "idle timeout");
            }
        });
    }
}
