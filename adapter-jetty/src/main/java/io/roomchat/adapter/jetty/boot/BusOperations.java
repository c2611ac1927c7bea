package io.roomchat.adapter.jetty.boot;

import io.roomchat.adapter.jetty.ChatServer;
import io.roomchat.adapter.redis.RedisBus;

/** What {@code /health} and {@code /metrics} say about the Redis bus. */
final class BusOperations {
    private BusOperations() {
    }

    /**
     * The bus as an optional service of {@code /health} (down is {@code DEGRADED}: posts are still stored and
     * acknowledged, other nodes catch up when it is back) and its counters at {@code /metrics}.
     */
    static void report(RedisBus bus, ChatServer.Builder server) {
        server.healthCheck("bus", false, bus::isConnected)
                .metricsCounter("chat.bus.published", "messages, edits and deletes published to the bus",
                        bus::published)
                .metricsCounter("chat.bus.publish.failures",
                        "publications that failed, the bus down (stored all the same; other nodes catch up)",
                        bus::publishFailures)
                .metricsCounter("chat.bus.received", "events received from the bus for rooms with members here",
                        bus::received)
                .metricsCounter("chat.bus.gap.fills", "gaps in a room's seq read from the store after the hold time",
                        bus::gapFills)
                .metricsCounter("chat.bus.catchups", "rooms read from the store after the bus (re)subscribed",
                        bus::catchUps);
    }
}
