package io.roomchat.resilience.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What every soak user did, collected from all their threads: sessions, acknowledged changes, and failures. */
final class Ledger {
    private final ConcurrentLinkedQueue<Session> sessions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Change> changes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger switches = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger aborts = new AtomicInteger();
    private final AtomicInteger historyReads = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> replyMicros = new ConcurrentLinkedQueue<>();

    void opened(Session session) {
        sessions.add(session);
    }

    void acknowledged(Change change) {
        changes.add(change);
    }

    void failed(String what) {
        failures.add(what);
    }

    void switched() {
        switches.incrementAndGet();
    }

    void closed(boolean aborted) {
        (aborted ? aborts : closes).incrementAndGet();
    }

    void replied(long micros) {
        replyMicros.add(micros);
    }

    void readHistory() {
        historyReads.incrementAndGet();
    }

    List<Session> sessions() {
        return new ArrayList<>(sessions);
    }

    List<Change> changes() {
        return new ArrayList<>(changes);
    }

    List<String> failures() {
        return new ArrayList<>(failures);
    }

    String summary() {
        long posts = changes.stream().filter(c -> c.kind() == Change.Kind.POST).count();
        long edits = changes.stream().filter(c -> c.kind() == Change.Kind.EDIT).count();
        long deletes = changes.stream().filter(c -> c.kind() == Change.Kind.DELETE).count();
        return sessions.size() + " connections, " + posts + " posts, " + edits + " edits, " + deletes + " deletes, "
                + switches + " room switches, " + historyReads + " history reads, " + closes + " closes, "
                + aborts + " aborted sockets; " + replyTimes();
    }

    private String replyTimes() {
        long[] sorted = replyMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "no replies";
        }
        return sorted.length + " replies in p50 " + sorted[sorted.length / 2] / 1000 + " ms, p99 "
                + sorted[(int) (sorted.length * 0.99)] / 1000 + " ms, max " + sorted[sorted.length - 1] / 1000 + " ms";
    }
}
