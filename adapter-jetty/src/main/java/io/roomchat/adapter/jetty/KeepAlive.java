package io.roomchat.adapter.jetty;

/**
 * Pings every open socket at a fixed interval. Pings make a half-dead peer fail fast (it answers no pong, and
 * {@link IdleSweep} closes it) and keep proxies from dropping quiet connections.
 */
final class KeepAlive implements Runnable {
    private final JettyConnectionGateway gateway;

    KeepAlive(JettyConnectionGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void run() {
        gateway.forEachOpen(ClientConnection::ping);
    }
}
