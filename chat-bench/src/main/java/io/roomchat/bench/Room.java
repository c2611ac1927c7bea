package io.roomchat.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One room of the run: its members (the posters, all in from the start) and its latecomers (a join storm's, which
 * only listen), the next message index, which messages the server acknowledged, and the largest member count a
 * join reply reported. Every acknowledged message is owed to every member from its join on
 * ({@link BenchSocket#firstOwedIndex()}).
 */
final class Room {
    private final String name;
    private final List<BenchSocket> members = new ArrayList<>();
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final BitSet acknowledged = new BitSet();
    private final List<BenchSocket> latecomers = new CopyOnWriteArrayList<>();
    private final AtomicInteger largestMemberCount = new AtomicInteger();

    Room(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Called while the fleet is built, before any message is sent. */
    void add(BenchSocket member) {
        members.add(member);
    }

    List<BenchSocket> members() {
        return members;
    }

    /** A listener that joins while the run goes on; it never posts. */
    void addLatecomer(BenchSocket latecomer) {
        latecomers.add(latecomer);
    }

    List<BenchSocket> latecomers() {
        return latecomers;
    }

    /** Everyone who receives the room's messages: members, then latecomers. */
    List<BenchSocket> receivers() {
        List<BenchSocket> all = new ArrayList<>(members);
        all.addAll(latecomers);
        return all;
    }

    int nextIndex() {
        return nextIndex.getAndIncrement();
    }

    /** The index the next post will take: every message from it on is sent after this call. */
    int peekNextIndex() {
        return nextIndex.get();
    }

    /** A v2 join reply's {@code memberCount}: users present in the room when the server answered. */
    void memberCountSeen(int count) {
        largestMemberCount.accumulateAndGet(count, Math::max);
    }

    /**
     * The largest member count any join reply has reported so far: with nobody leaving, the room has at least this
     * many users from now on.
     */
    int largestMemberCount() {
        return largestMemberCount.get();
    }

    synchronized void acknowledged(int index) {
        acknowledged.set(index);
    }

    /** The acknowledged messages with an index of {@code firstIndex} or more. */
    synchronized BitSet acknowledgedFrom(int firstIndex) {
        BitSet owed = (BitSet) acknowledged.clone();
        owed.clear(0, firstIndex);
        return owed;
    }

    /** Members (of those that received exactly the same messages) whose arrival order differs from the others'. */
    int membersOutOfRoomOrder() {
        Map<BitSet, Map<Long, Integer>> orders = new HashMap<>();
        for (BenchSocket member : members) {
            Receiver receiver = member.receiver();
            orders.computeIfAbsent(receiver.seen(), set -> new HashMap<>())
                    .merge(receiver.orderHash(), 1, Integer::sum);
        }
        int divergent = 0;
        for (Map<Long, Integer> byOrder : orders.values()) {
            int total = byOrder.values().stream().mapToInt(Integer::intValue).sum();
            int majority = byOrder.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            divergent += total - majority;
        }
        return divergent;
    }
}
