package io.roomchat.adapter.jetty;

import java.time.Duration;

/**
 * Pings every open socket at a fixed interval and closes (1001) those the server has heard nothing from (no frame,
 * no pong) for the idle timeout. Pings make a half-dead peer fail fast and keep proxies from dropping quiet
 * connections.
 */
final class KeepAlive implements Runnable {
    static final int GOING_AWAY = 1001;

    private final JettyConnectionGateway gateway;
    private final long idleNanos;

    KeepAlive(JettyConnectionGateway gateway, Duration idleTimeout) {
        this.gateway = gateway;
        this.idleNanos = idleTimeout.toNanos();
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        for (ClientConnection connection : gateway.all()) {
            if (connection.silentNanos(now) > idleNanos) {
                gateway.drop(connection, GOING_AWAY, "idle timeout");
            } else {
                connection.ping();
            }
        }
    }
}
