package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.Connection;
import io.roomchat.core.port.in.BroadcastUseCase;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ConnectionGateway;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Delivery;
import io.roomchat.core.port.out.DeliveryStatus;
import io.roomchat.core.port.out.EventEncoder;
import io.roomchat.core.port.out.FanoutReport;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fan-out: starts every delivery before waiting for any (the gateway decides how many run at once), encodes the
 * event once for all of them, and removes the records of connections that turned out to be gone.
 */
final class Broadcasting implements BroadcastUseCase {
    private static final System.Logger LOG = System.getLogger(Broadcasting.class.getName());

    private final ConnectionStore connections;
    private final ConnectionGateway gateway;
    private final EventEncoder encoder;
    private final ChatMetrics metrics;

    Broadcasting(ConnectionStore connections, ConnectionGateway gateway, EventEncoder encoder, ChatMetrics metrics) {
        this.connections = connections;
        this.gateway = gateway;
        this.encoder = encoder;
        this.metrics = metrics;
    }

    @Override
    public FanoutReport broadcast(ChatMessage message) {
        List<Connection> members = connections.inRoom(message.room());
        Delivery delivery = new Delivery(message, encoder);
        List<CompletableFuture<DeliveryStatus>> pending = new ArrayList<>(members.size());
        for (Connection member : members) {
            pending.add(start(member, delivery));
        }
        int delivered = 0;
        int gone = 0;
        int failed = 0;
        for (int i = 0; i < pending.size(); i++) {
            switch (pending.get(i).join()) {
                case DELIVERED -> delivered++;
                case GONE -> {
                    gone++;
                    connections.remove(members.get(i).id());
                }
                case FAILED -> failed++;
            }
        }
        FanoutReport report = new FanoutReport(delivered, gone, failed);
        if (failed > 0) {
            LOG.log(Level.WARNING, "fan-out to room had {0} failed deliveries of {1}", failed, report.recipients());
        }
        metrics.fannedOut(report);
        return report;
    }

    private CompletableFuture<DeliveryStatus> start(Connection member, Delivery delivery) {
        try {
            CompletableFuture<DeliveryStatus> stage = gateway.deliver(member.id(), delivery).toCompletableFuture();
            // A gateway that only queues (Jetty, in-process) answers at once: no guard stage per delivery then.
            if (stage.isDone() && !stage.isCompletedExceptionally()) {
                return stage;
            }
            return stage.exceptionally(failure -> DeliveryStatus.FAILED);
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(DeliveryStatus.FAILED);
        }
    }
}
