package io.roomchat.adapter.jetty;

import java.util.Objects;
import java.util.function.LongSupplier;

/** A count another part keeps (the bus's publications), shown at {@code /metrics} as it is at each scrape. */
record ReadCounter(String name, String description, LongSupplier count) {
    ReadCounter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(count, "count");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a counter needs a name");
        }
    }
}
