package io.roomchat.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One room of the run: its members, the next message index, and which messages the server acknowledged; every
 * acknowledged message is owed to every member.
 */
final class Room {
    private final String name;
    private final List<BenchSocket> members = new ArrayList<>();
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final BitSet acknowledged = new BitSet();

    Room(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Called while the fleet is built, before any message is sent. */
    int add(BenchSocket member) {
        members.add(member);
        return members.size() - 1;
    }

    List<BenchSocket> members() {
        return members;
    }

    int nextIndex() {
        return nextIndex.getAndIncrement();
    }

    synchronized void acknowledged(int index) {
        acknowledged.set(index);
    }

    synchronized BitSet acknowledged() {
        return (BitSet) acknowledged.clone();
    }

    /** Deliveries still owed: acknowledged messages times members. */
    synchronized long owed() {
        return (long) acknowledged.cardinality() * members.size();
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
