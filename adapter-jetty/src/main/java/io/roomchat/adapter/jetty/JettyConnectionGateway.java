package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRateLimiter;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.out.ConnectionGateway;
import io.roomchat.core.port.out.Delivery;
import io.roomchat.core.port.out.DeliveryStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets open in this process, and delivery to them. Delivering only queues the frame, so a fan-out never
 * waits on any one client; a client whose queue is full is dropped (close 1008) and reported GONE, which makes
 * the core forget its record: the room stops delivering to it while everyone else is unaffected. A kick of a v1
 * connection closes it with 4403.
 */
final class JettyConnectionGateway implements ConnectionGateway {
    /** The server is stopping, or the client was silent for the idle timeout. */
    static final int GOING_AWAY = 1001;
    static final int POLICY_VIOLATION = 1008;
    /** A moderator removed a v1 connection's user from its room: v1 has no event to say so. */
    static final int KICKED = 4403;
    private static final Logger LOG = LoggerFactory.getLogger(JettyConnectionGateway.class);
    private static final CompletableFuture<DeliveryStatus> DELIVERED = CompletableFuture.completedFuture(DeliveryStatus.DELIVERED);
    private static final CompletableFuture<DeliveryStatus> GONE = CompletableFuture.completedFuture(DeliveryStatus.GONE);

    private final Map<ConnectionId, ClientConnection> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final WriterHandoff writers;
    private final Duration closeGrace;

    JettyConnectionGateway(ScheduledExecutorService scheduler, WriterHandoff writers, Duration closeGrace) {
        this.scheduler = scheduler;
        this.writers = writers;
        this.closeGrace = closeGrace;
    }

    /** The threads that write the sockets' queued frames (see {@link OutboundQueue}). */
    Executor writers() {
        return writers.writers();
    }

    @Override
    public CompletionStage<DeliveryStatus> deliver(ConnectionId to, Delivery delivery) {
        return deliverAll(List.of(to), delivery).get(0);
    }

    /** Queues the event for every connection first, then wakes the writers once for all that need one. */
    @Override
    public List<CompletionStage<DeliveryStatus>> deliverAll(List<ConnectionId> to, Delivery delivery) {
        List<CompletionStage<DeliveryStatus>> statuses = new ArrayList<>(to.size());
        List<ClientConnection> waiting = new ArrayList<>(to.size());
        for (ConnectionId id : to) {
            statuses.add(queue(id, delivery, waiting));
        }
        writers.write(waiting, to.size());
        return statuses;
    }

    /** Queues one connection's frame; adds the connection to {@code waiting} when it needs a writer. */
    private CompletableFuture<DeliveryStatus> queue(ConnectionId to, Delivery delivery,
                                                    List<ClientConnection> waiting) {
        ClientConnection connection = open.get(to);
        if (connection == null) {
            return GONE;
        }
        if (delivery.protocol() == Protocol.V1 && delivery.event() instanceof RoomEvent.Kicked) {
            drop(connection, KICKED, "kicked from the room by a moderator");
            return DELIVERED;
        }
        // The event's bytes are encoded once and shared by every member's frame.
        switch (connection.queue(delivery.utf8())) {
            case NEEDS_WRITER -> waiting.add(connection);
            case BEHIND_WRITE -> { }
            case REFUSED -> {
                drop(connection, POLICY_VIOLATION, "outbound queue full");
                return GONE;
            }
        }
        return DELIVERED;
    }

    /**
     * Queues a frame, an event or a reply, for one connection; one that cannot take it (too slow, or already
     * closing) is dropped, and false returned.
     */
    boolean send(ClientConnection connection, String text) {
        return send(connection, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private boolean send(ClientConnection connection, ByteBuffer payload) {
        if (connection.send(payload)) {
            return true;
        }
        drop(connection, POLICY_VIOLATION, "outbound queue full");
        return false;
    }

    /** An open socket's frame budget, or null when the connection is not open here (or already dropped). */
    FrameRateLimiter budgetOf(ConnectionId id) {
        ClientConnection connection = open.get(id);
        return connection == null ? null : connection.budget();
    }

    void register(ClientConnection connection) {
        open.put(connection.id(), connection);
    }

    void unregister(ConnectionId id) {
        open.remove(id);
    }

    int count() {
        return open.size();
    }

    /** Visits every open socket without copying the set; one opened or dropped meanwhile may or may not be seen. */
    void forEachOpen(Consumer<ClientConnection> visit) {
        open.values().forEach(visit);
    }

    Collection<ClientConnection> all() {
        return List.copyOf(open.values());
    }

    /**
     * Closes a connection that broke a rule (too slow, idle, shutting down) and forgets it at once; if the close
     * handshake has not finished after a grace period (a client that stopped reading never sees the close
     * frame), the TCP connection is dropped.
     */
    void drop(ClientConnection connection, int code, String reason) {
        open.remove(connection.id());
        if (connection.close(code, reason)) {
            LOG.info("closing connection {}: {} ({})", connection.id(), reason, code);
            scheduler.schedule(connection::disconnect, closeGrace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
