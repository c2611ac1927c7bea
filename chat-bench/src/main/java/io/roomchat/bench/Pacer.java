package io.roomchat.bench;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts open-loop at a fixed total rate: post {@code i} is due at {@code start + i / rate} whether or not earlier
 * ones were answered, so a slow server shows up as latency instead of quietly lowering the load. Posts go to the
 * rooms in turn and, within a room, to its members in turn, so each connection posts at {@code rate / N}.
 */
final class Pacer {
    private final List<Room> rooms;
    private final double ratePerSecond;
    private final int messageSize;
    private long maxLagNanos;
    private long posted;

    Pacer(List<Room> rooms, double ratePerSecond, int messageSize) {
        this.rooms = rooms;
        this.ratePerSecond = ratePerSecond;
        this.messageSize = messageSize;
    }

    /** Posts until {@code endNanos}; returns how many posts were sent. */
    long run(long startNanos, long endNanos) {
        double intervalNanos = 1e9 / ratePerSecond;
        long i = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= endNanos) {
                return posted;
            }
            long due = startNanos + (long) (i * intervalNanos);
            if (due > now) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            maxLagNanos = Math.max(maxLagNanos, now - due);
            post(i++);
        }
    }

    private void post(long i) {
        Room room = rooms.get((int) (i % rooms.size()));
        List<BenchSocket> members = room.members();
        int first = (int) ((i / rooms.size()) % members.size());
        for (int tried = 0; tried < members.size(); tried++) {
            BenchSocket sender = members.get((first + tried) % members.size());
            if (sender.canPost()) {
                sender.post(room.nextIndex(), messageSize);
                posted++;
                return;
            }
        }
    }

    /** How late the most delayed post went out: large values mean the load generator itself was starved. */
    long maxLagNanos() {
        return maxLagNanos;
    }
}
