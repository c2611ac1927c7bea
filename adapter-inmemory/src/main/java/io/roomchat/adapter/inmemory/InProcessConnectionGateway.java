package io.roomchat.adapter.inmemory;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.out.ConnectionGateway;
import io.roomchat.core.port.out.Delivery;
import io.roomchat.core.port.out.DeliveryStatus;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * Delivers events to in-process sinks, on the thread that fans out, as the core's {@link RoomEvent}s (no wire
 * encoding). The core publishes a room's events one at a
 * time, so every sink of a room sees them in the same order. A connection without a registered sink is gone; a
 * sink that throws is a failed delivery and stays registered.
 */
final class InProcessConnectionGateway implements ConnectionGateway {
    private static final System.Logger LOG = System.getLogger(InProcessConnectionGateway.class.getName());
    private static final ThreadLocal<Boolean> IN_SINK = ThreadLocal.withInitial(() -> false);

    private final ConcurrentMap<ConnectionId, Consumer<RoomEvent>> sinks = new ConcurrentHashMap<>();

    void register(ConnectionId id, Consumer<RoomEvent> sink) {
        sinks.put(id, Objects.requireNonNull(sink, "sink"));
    }

    void unregister(ConnectionId id) {
        sinks.remove(id);
    }

    /** Whether the current thread is running a sink, where sending would break the room's order. */
    static boolean inSink() {
        return IN_SINK.get();
    }

    @Override
    public CompletionStage<DeliveryStatus> deliver(ConnectionId to, Delivery delivery) {
        Consumer<RoomEvent> sink = sinks.get(to);
        if (sink == null) {
            return CompletableFuture.completedFuture(DeliveryStatus.GONE);
        }
        IN_SINK.set(true);
        try {
            sink.accept(delivery.event());
            return CompletableFuture.completedFuture(DeliveryStatus.DELIVERED);
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "the sink of connection " + to + " threw; delivery counted as failed", failure);
            return CompletableFuture.completedFuture(DeliveryStatus.FAILED);
        } finally {
            IN_SINK.set(false);
        }
    }
}
