package io.roomchat.adapter.redis;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.HistorySlice;
import io.roomchat.core.port.out.MessageStore;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One room's events on this node, delivered in {@code seq} order, none twice: an event with a {@code seq} at or
 * below the last delivered is dropped; one beyond the next is held until the gap fills or {@link #fill()} reads the
 * gap from the store. The store is the truth: it holds every change up to the newest published one, each message
 * under the {@code seq} of its latest change, so a fill also skips {@code seq}s that edits superseded or that
 * failed writes never used.
 *
 * <p>Everything runs under {@code turn}, a lock the node's subscriptions hand every sequence of the room (and of
 * rooms sharing its stripe): while a resuming join holds it, no event of the room is delivered.
 */
final class RoomSequence {
    /** Store page size when filling a gap. */
    static final int FILL_PAGE = 200;

    private final RoomName room;
    private final MessageStore store;
    private final Consumer<ChatMessage> deliver;
    private final int maxHeld;
    private final Object turn;
    private final TreeMap<Long, ChatMessage> held = new TreeMap<>();
    private long delivered;
    /** When the current gap opened ({@link System#nanoTime()}); meaningful while events are held. */
    private long gapSince;

    RoomSequence(RoomName room, long delivered, MessageStore store, Consumer<ChatMessage> deliver, int maxHeld,
                 Object turn) {
        this.room = room;
        this.turn = turn;
        this.delivered = delivered;
        this.store = store;
        this.deliver = deliver;
        this.maxHeld = maxHeld;
    }

    /** What {@link #offer} did with an event. */
    enum Offered {
        DELIVERED,
        /** Held, opening a gap: the caller watches it. */
        GAP_OPENED,
        /** Held behind a gap already open. */
        HELD,
        DROPPED
    }

    /** Delivers {@code message} now if it is next (with any held events it unblocks), holds or drops it otherwise. */
    Offered offer(ChatMessage message) {
        synchronized (turn) {
            if (message.seq() <= delivered) {
                return Offered.DROPPED;
            }
            if (message.seq() > delivered + 1) {
                boolean opening = held.isEmpty();
                if (opening) {
                    gapSince = System.nanoTime();
                }
                held.put(message.seq(), message);
                if (held.size() > maxHeld) {
                    // Bounded memory: what is held is in the store anyway.
                    fill();
                    return Offered.DELIVERED;
                }
                return opening ? Offered.GAP_OPENED : Offered.HELD;
            }
            deliverNext(message);
            releaseHeld();
            return Offered.DELIVERED;
        }
    }

    /** Whether a gap has been open at least {@code nanos}. */
    boolean gapOlderThan(long nanos) {
        synchronized (turn) {
            return !held.isEmpty() && System.nanoTime() - gapSince >= nanos;
        }
    }

    boolean hasGap() {
        synchronized (turn) {
            return !held.isEmpty();
        }
    }

    /** Waits until {@code seq} is delivered or {@code nanos} pass; whether it was. */
    boolean awaitDelivered(long seq, long nanos) throws InterruptedException {
        synchronized (turn) {
            long deadline = System.nanoTime() + nanos;
            while (delivered < seq) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                turn.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /**
     * Delivers, in {@code seq} order, every change the store has after the last delivered, then whatever is still
     * held beyond that. Returns how many events it delivered.
     *
     * @throws io.roomchat.core.port.out.ChatStorageException when the store cannot be read; nothing is lost, the
     *                                                        next fill starts from the same place
     */
    int fill() {
        synchronized (turn) {
            int count = 0;
            HistorySlice page;
            do {
                page = store.page(room, new HistoryCursor.Since(delivered), FILL_PAGE);
                for (ChatMessage message : page.messages()) {
                    if (message.seq() > delivered) {
                        deliverNext(message);
                        count++;
                    }
                }
            } while (page.hasMore() && !page.messages().isEmpty());
            held.headMap(delivered, true).clear();
            // Held beyond the newest the store showed: stored all the same (published after storing), so in order.
            for (ChatMessage message : held.values()) {
                deliverNext(message);
                count++;
            }
            held.clear();
            return count;
        }
    }

    long delivered() {
        synchronized (turn) {
            return delivered;
        }
    }

    private void releaseHeld() {
        held.headMap(delivered, true).clear();
        while (!held.isEmpty() && held.firstKey() == delivered + 1) {
            Map.Entry<Long, ChatMessage> next = held.pollFirstEntry();
            deliverNext(next.getValue());
        }
        if (!held.isEmpty()) {
            gapSince = System.nanoTime();
        }
    }

    private void deliverNext(ChatMessage message) {
        delivered = message.seq();
        turn.notifyAll();
        deliver.accept(message);
    }
}
