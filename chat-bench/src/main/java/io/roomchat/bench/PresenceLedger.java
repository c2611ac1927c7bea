package io.roomchat.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which users' presence {@code join} events the fleet received, and how often: with each connection's
 * {@link BenchSocket#sizeBeforeJoin()}, this tells the joins the server announced although the room was already past
 * the presence bound (docs/benchmarks.md, join storm). Bounded: user ids past {@link #MAX_USERS} are not kept.
 */
final class PresenceLedger {
    static final int MAX_USERS = 2 * LoadCommand.MAX_CONNECTIONS;

    private final Map<String, LongAdder> joinsByUser = new ConcurrentHashMap<>();
    private final LongAdder unkept = new LongAdder();

    /** A v2 event frame of {@code type}; only presence joins are kept, by user id. */
    void received(String type, String frame) {
        if (!"presence".equals(type) || !"join".equals(BenchText.stringField(frame, "event"))) {
            return;
        }
        String user = BenchText.stringField(frame, "userId");
        if (user == null) {
            return;
        }
        LongAdder count = joinsByUser.get(user);
        if (count == null && joinsByUser.size() >= MAX_USERS) {
            unkept.increment();
            return;
        }
        (count == null ? joinsByUser.computeIfAbsent(user, u -> new LongAdder()) : count).increment();
    }

    /** How many presence join events announcing {@code user} the fleet received, all connections together. */
    long joinsOf(String user) {
        LongAdder count = joinsByUser.get(user);
        return count == null ? 0 : count.sum();
    }

    /** Presence joins not kept because more users were announced than the ledger holds. */
    long unkept() {
        return unkept.sum();
    }
}
