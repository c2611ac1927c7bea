package io.roomchat.adapter.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.RoomEventPublisher;
import io.roomchat.wire.WireCodec;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Publishes each room event to its room's channel for the other nodes, and delivers it to this node's members without
 * waiting for Redis: a stored message in the room's {@code seq} order, presence, typing and read at once (they have
 * no {@code seq}). The bus being down never fails a post: the message is stored, so the failure is logged (once per
 * outage) and counted, and the other nodes catch up from the store when the bus is back; a presence, typing or read
 * event published meanwhile reaches this node's members only.
 */
final class RedisRoomEventPublisher implements RoomEventPublisher {
    private static final System.Logger LOG = System.getLogger(RedisRoomEventPublisher.class.getName());

    private final RedisAsyncCommands<String, String> redis;
    private final RoomSubscriptions subscriptions;
    private final WireCodec codec;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();

    private final String node;

    RedisRoomEventPublisher(RedisAsyncCommands<String, String> redis, RoomSubscriptions subscriptions,
                            WireCodec codec, String node) {
        this.redis = redis;
        this.node = node;
        this.subscriptions = subscriptions;
        this.codec = codec;
    }

    @Override
    public void publish(Announcement announcement) {
        RoomEvent event = announcement.event();
        try {
            redis.publish(RoomSubscriptions.channel(event.room()), BusFrame.encode(node, announcement, codec))
                    .whenComplete((receivers, failure) -> counted(failure));
        } catch (RuntimeException rejected) {
            counted(rejected);
        }
        subscriptions.deliverLocal(announcement);
    }

    /** A resuming join runs in the room's delivery turn on this node, where this node's and others' changes meet. */
    @Override
    public <T> Optional<T> inDeliveryTurn(RoomName room, long since, Function<LongSupplier, T> action) {
        return Optional.of(subscriptions.inTurn(room, since, action));
    }

    long published() {
        return published.get();
    }

    long failures() {
        return failures.get();
    }

    private void counted(Throwable failure) {
        if (failure == null) {
            published.incrementAndGet();
            if (failing.compareAndSet(true, false)) {
                LOG.log(Level.INFO, "publishing to the Redis bus works again");
            }
            return;
        }
        failures.incrementAndGet();
        if (failing.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "publishing to the Redis bus failed ({0}); posts are stored and other nodes "
                    + "will catch up from the store", failure.getClass().getSimpleName());
        }
    }
}
