package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.out.ConnectionGateway;
import io.roomchat.core.port.out.Delivery;
import io.roomchat.core.port.out.DeliveryStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** Records what each connection received, as text and as events; some connections can be made gone or broken. */
final class RecordingGateway implements ConnectionGateway {
    private final Map<ConnectionId, List<RoomEvent>> received = new ConcurrentHashMap<>();
    private final Map<ConnectionId, List<String>> texts = new ConcurrentHashMap<>();
    private final Set<ConnectionId> gone = ConcurrentHashMap.newKeySet();
    private final Set<ConnectionId> broken = ConcurrentHashMap.newKeySet();
    private final Set<ConnectionId> throwing = ConcurrentHashMap.newKeySet();
    private final List<Group> groups = new CopyOnWriteArrayList<>();
    private final AtomicReference<Runnable> duringNextDelivery = new AtomicReference<>();

    @Override
    public CompletionStage<DeliveryStatus> deliver(ConnectionId to, Delivery delivery) {
        Runnable action = duringNextDelivery.getAndSet(null);
        if (action != null) {
            action.run();
        }
        if (throwing.contains(to)) {
            throw new IllegalStateException("gateway blew up (test)");
        }
        if (gone.contains(to)) {
            return CompletableFuture.completedFuture(DeliveryStatus.GONE);
        }
        if (broken.contains(to)) {
            return CompletableFuture.failedFuture(new IllegalStateException("send failed (test)"));
        }
        synchronized (this) {
            received.computeIfAbsent(to, key -> new ArrayList<>()).add(delivery.event());
            texts.computeIfAbsent(to, key -> new ArrayList<>()).add(delivery.text());
        }
        return CompletableFuture.completedFuture(DeliveryStatus.DELIVERED);
    }

    @Override
    public List<CompletionStage<DeliveryStatus>> deliverAll(List<ConnectionId> to, Delivery delivery) {
        groups.add(new Group(delivery.protocol(), List.copyOf(to)));
        return ConnectionGateway.super.deliverAll(to, delivery);
    }

    /** One {@link #deliverAll} call: a fan-out's recipients of one protocol. */
    record Group(Protocol protocol, List<ConnectionId> to) {
    }

    /** Every {@link #deliverAll} call so far, in order. */
    List<Group> groups() {
        return List.copyOf(groups);
    }

    /** The messages {@code id} received, in order. */
    synchronized List<ChatMessage> receivedBy(ConnectionId id) {
        return received.getOrDefault(id, List.of()).stream()
                .flatMap(event -> event instanceof RoomEvent.Message message ? Stream.of(message.message()) : Stream.empty())
                .toList();
    }

    synchronized List<RoomEvent.Presence> presenceSeenBy(ConnectionId id) {
        return received.getOrDefault(id, List.of()).stream()
                .flatMap(event -> event instanceof RoomEvent.Presence presence ? Stream.of(presence) : Stream.empty())
                .toList();
    }

    /** Every event {@code id} received, in order. */
    synchronized List<RoomEvent> eventsSeenBy(ConnectionId id) {
        return List.copyOf(received.getOrDefault(id, List.of()));
    }

    synchronized List<String> textsFor(ConnectionId id) {
        return List.copyOf(texts.getOrDefault(id, List.of()));
    }

    /** Runs {@code action} inside the next delivery, on the thread that fans out, as a sink reacting at once. */
    void duringNextDelivery(Runnable action) {
        duringNextDelivery.set(action);
    }

    void makeGone(ConnectionId id) {
        gone.add(id);
    }

    void makeBroken(ConnectionId id) {
        broken.add(id);
    }

    void makeThrow(ConnectionId id) {
        throwing.add(id);
    }
}
