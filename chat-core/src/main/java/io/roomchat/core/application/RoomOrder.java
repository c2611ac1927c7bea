package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.RoomEventPublisher;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Write, wait until durable, publish — with every member of a room seeing the room's events in one order, equal
 * to storage order, while the room's writes do not queue behind each other's sync.
 *
 * <p>A write runs under its room's lock, which also hands it the room's next ticket. The lock is released before
 * the store syncs, so the room's next write can go ahead and share that sync. A write publishes in its ticket's
 * turn: after every earlier write of the room has published or failed. Striped: rooms share a fixed set of locks
 * and queues, so rooms on one stripe also publish in one order, which costs little as they share the syncs.
 */
final class RoomOrder {
    private static final int STRIPES = 256;

    private final MessageStore store;
    private final RoomEventPublisher publisher;
    private final Stripe[] stripes;

    private RoomOrder(MessageStore store, RoomEventPublisher publisher, Stripe[] stripes) {
        this.store = store;
        this.publisher = publisher;
        this.stripes = stripes;
    }

    static RoomOrder striped(MessageStore store, RoomEventPublisher publisher) {
        Stripe[] stripes = new Stripe[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
        return new RoomOrder(store, publisher, stripes);
    }

    /** For bindings where order is not promised (serverless): no lock, no turns. */
    static RoomOrder none(MessageStore store, RoomEventPublisher publisher) {
        return new RoomOrder(store, publisher, null);
    }

    /**
     * Runs {@code write} in {@code room}'s order, then waits until it is durable and publishes what
     * {@code toPublish} picks from its result, if anything.
     *
     * @return the write's result, once what it wrote is durable and published
     * @throws RuntimeException from the write, the sync or the publisher; after a failed sync nothing is published
     */
    <T> T write(RoomName room, Supplier<T> write, Function<T, Optional<ChatMessage>> toPublish) {
        if (stripes == null) {
            T result = write.get();
            toPublish.apply(result).ifPresent(this::publishDurably);
            return result;
        }
        Stripe stripe = stripeOf(room);
        T result;
        Optional<ChatMessage> published;
        long ticket;
        stripe.lock.lock();
        try {
            result = write.get();
            published = toPublish.apply(result);
            if (published.isEmpty()) {
                return result;
            }
            ticket = stripe.issued++;
        } finally {
            stripe.lock.unlock();
        }
        RuntimeException syncFailure = null;
        try {
            store.awaitDurable();
        } catch (RuntimeException failure) {
            syncFailure = failure;
        }
        stripe.awaitTurn(ticket);
        try {
            if (syncFailure != null) {
                throw syncFailure;
            }
            publisher.publish(Announcement.of(new RoomEvent.Message(published.get())));
            return result;
        } finally {
            stripe.endTurn();
        }
    }

    /**
     * Runs {@code action} in {@code room}'s order, as a resuming join needs: after every earlier write of the room
     * has published, before any later one publishes. {@code action} is handed the {@code seq} that divides the two:
     * a change up to it was published before the action ran, any later one will be published after it. Without
     * order (serverless) the divide is the room's latest {@code seq} when asked, so the action must first enter the
     * room: a change after that is then published to it, and one at the divide may reach it twice. A publisher that
     * keeps the room's delivery order itself (a bus carrying other nodes' changes) runs the action in its own turn
     * instead ({@link RoomEventPublisher#inDeliveryTurn}): its deliveries, not this node's writes, are what the
     * caller must not see out of order. {@code since}: the last {@code seq} the caller has seen.
     */
    <T> T inTurn(RoomName room, long since, Function<LongSupplier, T> action) {
        Optional<T> inDeliveryTurn = publisher.inDeliveryTurn(room, since, action);
        if (inDeliveryTurn.isPresent()) {
            return inDeliveryTurn.get();
        }
        if (stripes == null) {
            return action.apply(() -> store.latestSeq(room));
        }
        Stripe stripe = stripeOf(room);
        long divide;
        long ticket;
        stripe.lock.lock();
        try {
            // Read under the lock that writes take: every change up to here holds an earlier ticket.
            divide = store.latestSeq(room);
            ticket = stripe.issued++;
        } finally {
            stripe.lock.unlock();
        }
        stripe.awaitTurn(ticket);
        try {
            return action.apply(() -> divide);
        } finally {
            stripe.endTurn();
        }
    }

    private Stripe stripeOf(RoomName room) {
        Stripe stripe = stripes[Math.floorMod(room.hashCode(), STRIPES)];
        if (stripe.isPublishing()) {
            throw new IllegalStateException("a write or join during its room's own publication would wait for itself");
        }
        return stripe;
    }

    private void publishDurably(ChatMessage message) {
        store.awaitDurable();
        publisher.publish(Announcement.of(new RoomEvent.Message(message)));
    }

    /** One stripe's lock for writes and its queue of turns to publish, in ticket order. */
    private static final class Stripe {
        final ReentrantLock lock = new ReentrantLock();
        /** The next ticket to hand out; guarded by {@link #lock}. */
        long issued;
        private final ReentrantLock turns = new ReentrantLock();
        /** Writes waiting for their turn, by ticket: each is woken alone when its turn comes. */
        private final Map<Long, Condition> waiting = new HashMap<>();
        /** The ticket whose turn it is; guarded by {@link #turns}. */
        private long turn;
        private volatile Thread publishing;

        boolean isPublishing() {
            return publishing == Thread.currentThread();
        }

        /** Uninterruptibly: a ticket that gave up its turn would stop its stripe for good. */
        void awaitTurn(long ticket) {
            turns.lock();
            try {
                while (turn != ticket) {
                    waiting.computeIfAbsent(ticket, t -> turns.newCondition()).awaitUninterruptibly();
                }
                waiting.remove(ticket);
                publishing = Thread.currentThread();
            } finally {
                turns.unlock();
            }
        }

        void endTurn() {
            turns.lock();
            try {
                publishing = null;
                turn++;
                Condition next = waiting.get(turn);
                if (next != null) {
                    next.signal();
                }
            } finally {
                turns.unlock();
            }
        }
    }
}
