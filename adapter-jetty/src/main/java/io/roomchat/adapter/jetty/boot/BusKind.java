package io.roomchat.adapter.jetty.boot;

import java.util.Locale;

/** How a stored message reaches the room's members: {@code CHAT_BUS}, written in any case. */
enum BusKind {
    /** In this process only: one node, the default. */
    LOCAL,
    /** Through Redis to every node with members in the room (docs/cluster.md). */
    REDIS;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
