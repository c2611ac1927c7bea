package io.roomchat.adapter.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.port.out.MessagePublisher;
import io.roomchat.wire.WireCodec;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes each stored message to its room's channel for the other nodes, and delivers it to this node's members
 * in the room's order. The bus being down never fails a post: the message is stored, so the failure is logged
 * (once per outage) and counted, and the other nodes catch up from the store when the bus is back.
 */
final class RedisMessagePublisher implements MessagePublisher {
    private static final System.Logger LOG = System.getLogger(RedisMessagePublisher.class.getName());

    private final RedisAsyncCommands<String, String> redis;
    private final RoomSubscriptions subscriptions;
    private final WireCodec codec;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();

    RedisMessagePublisher(RedisAsyncCommands<String, String> redis, RoomSubscriptions subscriptions,
                          WireCodec codec) {
        this.redis = redis;
        this.subscriptions = subscriptions;
        this.codec = codec;
    }

    @Override
    public void publish(ChatMessage message) {
        try {
            redis.publish(RoomSubscriptions.channel(message.room()), codec.encodeStored(message))
                    .whenComplete((receivers, failure) -> counted(failure));
        } catch (RuntimeException rejected) {
            counted(rejected);
        }
        subscriptions.deliverLocal(message);
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
