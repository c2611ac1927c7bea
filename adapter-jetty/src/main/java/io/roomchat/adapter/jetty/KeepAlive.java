package io.roomchat.adapter.jetty;

/**
 * Pings every open socket once per interval, spread over it: the sockets fall into {@value #SLICES} slices by
 * their connection id, and each run, {@value #SLICES} times an interval, pings one slice. Pinging them all at once
 * made every socket's ping and pong land in the same moment (2,000 sockets: a burst of CPU that showed as one bad
 * second of latency per interval). Pings make a half-dead peer fail fast (it answers no pong, and
 * {@link IdleSweep} closes it) and keep proxies from dropping quiet connections.
 */
final class KeepAlive implements Runnable {
    /** Runs per interval, each pinging the sockets of one slice. */
    static final int SLICES = 10;

    private final JettyConnectionGateway gateway;
    /** The slice the next run pings; only the timer's one thread runs this. */
    private int slice;

    KeepAlive(JettyConnectionGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void run() {
        int pinging = slice;
        slice = (slice + 1) % SLICES;
        gateway.forEachOpen(connection -> {
            if (Math.floorMod(connection.id().hashCode(), SLICES) == pinging) {
                connection.ping();
            }
        });
    }
}
