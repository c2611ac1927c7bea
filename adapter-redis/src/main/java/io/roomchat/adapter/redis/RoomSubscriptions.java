package io.roomchat.adapter.redis;

import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.BroadcastUseCase;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.wire.WireCodec;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * This node's side of the bus: the rooms it has members in (subscribed, each with its {@link RoomSequence}) and
 * what arrives for them. Received events, gap checks and catch-ups run on one worker thread, never on Lettuce's
 * event loop, as they may read the store. A room's deliveries take its turn (a striped lock, so that it outlives a
 * room's subscription): a resuming join takes it too ({@link #inTurn}), so the catch-up and live events meet at
 * the last {@code seq} delivered.
 */
final class RoomSubscriptions {
    private static final System.Logger LOG = System.getLogger(RoomSubscriptions.class.getName());
    static final String CHANNEL_PREFIX = "roomchat:room:";
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final int TURN_STRIPES = 256;

    private final Map<RoomName, RoomSequence> rooms = new ConcurrentHashMap<>();
    private final Object[] turns = new Object[TURN_STRIPES];
    private final ConnectionStore localConnections;
    private final MessageStore store;
    private final RedisPubSubAsyncCommands<String, String> pubsub;
    private final ScheduledExecutorService worker;
    private final WireCodec codec;
    private final BusSettings settings;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong gapFills = new AtomicLong();
    private final AtomicLong catchUps = new AtomicLong();
    private final String node;
    private volatile BroadcastUseCase broadcast = announcement -> null;

    RoomSubscriptions(ConnectionStore localConnections, MessageStore store,
                      RedisPubSubAsyncCommands<String, String> pubsub, ScheduledExecutorService worker,
                      WireCodec codec, BusSettings settings, String node) {
        this.node = node;
        this.localConnections = localConnections;
        this.store = store;
        this.pubsub = pubsub;
        this.worker = worker;
        this.codec = codec;
        this.settings = settings;
        Arrays.setAll(turns, stripe -> new Object());
    }

    static String channel(RoomName room) {
        return CHANNEL_PREFIX + room.value();
    }

    static Optional<RoomName> room(String channel) {
        return channel.startsWith(CHANNEL_PREFIX)
                ? Optional.of(new RoomName(channel.substring(CHANNEL_PREFIX.length())))
                : Optional.empty();
    }

    void broadcastWith(BroadcastUseCase broadcast) {
        this.broadcast = broadcast;
    }

    /**
     * Subscribes to {@code room} when it has local members and is not subscribed, unsubscribes when it has none and
     * is. Called after every change of a room's local memberships; serialised, and reading the memberships as they
     * are then, so the last call after any race leaves the subscription right.
     */
    synchronized void reconcile(RoomName room) {
        boolean wanted = !localConnections.inRoom(room).isEmpty();
        boolean subscribed = rooms.containsKey(room);
        if (wanted && !subscribed) {
            // From the room's newest change on: what is stored before the subscription is confirmed, the
            // catch-up on confirmation reads from the store.
            rooms.put(room, new RoomSequence(room, store.latestSeq(room), store,
                    message -> deliver(Announcement.of(new RoomEvent.Message(message))), settings.maxHeld(),
                    turnOf(room)));
            pubsub.subscribe(channel(room));
        } else if (!wanted && subscribed) {
            rooms.remove(room);
            pubsub.unsubscribe(channel(room));
        }
    }

    /**
     * Runs {@code action}, a resuming join, in {@code room}'s turn: no change of the room is delivered on this node
     * meanwhile, and the divide it is handed is the last {@code seq} delivered here (after the action joined, which
     * subscribes a room that had no members: then the room's latest). A node behind the caller (it saw up to
     * {@code since} on another node, faster than this one's bus) first delivers the store's changes up to now to the
     * room's members here, so that none reaches the caller twice.
     *
     * @throws io.roomchat.core.port.out.ChatStorageException when that catching up cannot read the store
     */
    <T> T inTurn(RoomName room, long since, Function<LongSupplier, T> action) {
        synchronized (turnOf(room)) {
            RoomSequence sequence = rooms.get(room);
            if (sequence != null && sequence.delivered() < since && sequence.fill() > 0) {
                catchUps.incrementAndGet();
            }
            return action.apply(() -> {
                RoomSequence joined = rooms.get(room);
                // None: the action did not stay in the room (its connection went); nothing is delivered to it.
                return joined != null ? joined.delivered() : store.latestSeq(room);
            });
        }
    }

    private Object turnOf(RoomName room) {
        return turns[Math.floorMod(room.hashCode(), TURN_STRIPES)];
    }

    /** The rooms this node has members in. */
    Set<RoomName> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    boolean isSubscribed(RoomName room) {
        return rooms.containsKey(room);
    }

    /** A payload from the bus, on Lettuce's thread: handed to the worker in arrival order. */
    void received(String channel, String payload) {
        received.incrementAndGet();
        worker.execute(() -> {
            BusFrame frame;
            try {
                frame = BusFrame.decode(payload, codec);
            } catch (IllegalArgumentException unreadable) {
                LOG.log(Level.WARNING, "dropped an unreadable bus payload: {0}", unreadable.getMessage());
                return;
            }
            if (frame.announcement().event() instanceof RoomEvent.Message message) {
                offer(message.message());
            } else if (!frame.publisher().map(node::equals).orElse(false) && isSubscribed(room(frame))) {
                // No seq: delivered on arrival, never held behind the room's messages; this node's own were
                // delivered when published.
                deliver(frame.announcement());
            }
        });
    }

    /**
     * Redis confirmed a subscription (first time, or again after a reconnect): catch the room up from the store. A
     * room left meanwhile (Lettuce subscribes again to what it had when the connection dropped) is let go.
     */
    void confirmed(String channel) {
        room(channel).ifPresent(room -> worker.execute(() -> {
            if (!letGoIfUnwanted(room)) {
                catchUp(room);
            }
        }));
    }

    private synchronized boolean letGoIfUnwanted(RoomName room) {
        if (rooms.containsKey(room)) {
            return false;
        }
        pubsub.unsubscribe(channel(room));
        return true;
    }

    /** After a reconnect: subscribe again to every room with local members; each confirmation catches it up. */
    synchronized void resubscribeAll() {
        if (!rooms.isEmpty()) {
            pubsub.subscribe(rooms.keySet().stream().map(RoomSubscriptions::channel).toArray(String[]::new));
        }
    }

    private static RoomName room(BusFrame frame) {
        return frame.announcement().event().room();
    }

    /**
     * An event published on this node. A stored message is delivered here at once when it is next, otherwise after
     * the earlier ones, waiting at most the hold time for them before reading the gap from the store; any other event
     * at once.
     */
    void deliverLocal(Announcement announcement) {
        if (announcement.event() instanceof RoomEvent.Message message) {
            deliverLocal(message.message());
        } else {
            deliver(announcement);
        }
    }

    private void deliverLocal(ChatMessage message) {
        RoomSequence sequence = rooms.get(message.room());
        if (sequence == null) {
            return;
        }
        RoomSequence.Offered offered = offerTo(sequence, message);
        if (offered != RoomSequence.Offered.GAP_OPENED && offered != RoomSequence.Offered.HELD) {
            return;
        }
        try {
            if (!sequence.awaitDelivered(message.seq(), settings.hold().toNanos())) {
                fill(sequence);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    long received() {
        return received.get();
    }

    long gapFills() {
        return gapFills.get();
    }

    long catchUps() {
        return catchUps.get();
    }

    private void offer(ChatMessage message) {
        RoomSequence sequence = rooms.get(message.room());
        if (sequence != null) {
            offerTo(sequence, message);
        }
    }

    private RoomSequence.Offered offerTo(RoomSequence sequence, ChatMessage message) {
        RoomSequence.Offered offered = sequence.offer(message);
        if (offered == RoomSequence.Offered.GAP_OPENED) {
            // One watch per gap: it looks again while the gap stays open.
            scheduleGapCheck(message.room(), settings.hold());
        }
        return offered;
    }

    private void scheduleGapCheck(RoomName room, Duration after) {
        worker.schedule(() -> checkGap(room), after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void checkGap(RoomName room) {
        RoomSequence sequence = rooms.get(room);
        if (sequence == null || !sequence.hasGap()) {
            return;
        }
        if (sequence.gapOlderThan(settings.hold().toNanos())) {
            fill(sequence);
        } else {
            scheduleGapCheck(room, settings.hold());
        }
    }

    private void fill(RoomSequence sequence) {
        try {
            sequence.fill();
            gapFills.incrementAndGet();
        } catch (RuntimeException storeDown) {
            LOG.log(Level.WARNING, "filling a gap from the store failed, will retry", storeDown);
        }
    }

    private void catchUp(RoomName room) {
        RoomSequence sequence = rooms.get(room);
        if (sequence == null) {
            return;
        }
        try {
            if (sequence.fill() > 0) {
                catchUps.incrementAndGet();
            }
        } catch (RuntimeException storeDown) {
            LOG.log(Level.WARNING, "catching a room up from the store failed, will retry", storeDown);
            worker.schedule(() -> catchUp(room), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void deliver(Announcement announcement) {
        try {
            broadcast.broadcast(announcement);
        } catch (RuntimeException failure) {
            LOG.log(Level.ERROR, "broadcasting a bus event failed", failure);
        }
    }
}
