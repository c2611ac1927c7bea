package io.roomchat.adapter.jetty.boot;

import java.util.Locale;

/** Where messages are kept: {@code CHAT_STORE}, written in any case. */
enum StoreKind {
    /** Durable, in an embedded H2 file under the data directory: the default. */
    H2,
    /** Gone when the process ends: trials and tests. */
    MEMORY,
    /** A DynamoDB (or DynamoDB-compatible) endpoint. */
    DYNAMODB,
    /** A PostgreSQL database, which many nodes may share (docs/cluster.md). */
    POSTGRES;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
