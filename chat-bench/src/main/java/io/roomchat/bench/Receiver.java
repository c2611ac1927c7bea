package io.roomchat.bench;

import java.util.BitSet;

/**
 * What one connection received of its room's benchmark messages: which (for loss and duplicates), whether each
 * sender's messages came in that sender's order, and a fingerprint of the arrival order, which must be the same
 * for every member that received the same messages (docs/protocol.md: one order per room).
 */
final class Receiver {
    private final BitSet seen = new BitSet();
    private final int[] lastSeq;
    private long orderHash = 1;
    private long duplicates;
    private long outOfOrder;

    Receiver(int senders) {
        this.lastSeq = new int[senders];
        java.util.Arrays.fill(lastSeq, -1);
    }

    /** @return true when the message arrived for the first time here */
    synchronized boolean accept(BenchText.Stamp stamp) {
        if (seen.get(stamp.index())) {
            duplicates++;
            return false;
        }
        seen.set(stamp.index());
        if (stamp.sender() < lastSeq.length) {
            if (stamp.seq() < lastSeq[stamp.sender()]) {
                outOfOrder++;
            } else {
                lastSeq[stamp.sender()] = stamp.seq();
            }
        }
        orderHash = orderHash * 31 + stamp.index();
        return true;
    }

    /** How many of {@code expected} never arrived. */
    synchronized int missing(BitSet expected) {
        BitSet absent = (BitSet) expected.clone();
        absent.andNot(seen);
        return absent.cardinality();
    }

    synchronized BitSet seen() {
        return (BitSet) seen.clone();
    }

    synchronized long orderHash() {
        return orderHash;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long outOfOrder() {
        return outOfOrder;
    }
}
