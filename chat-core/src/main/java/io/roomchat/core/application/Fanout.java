package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.out.ConnectionGateway;
import io.roomchat.core.port.out.Delivery;
import io.roomchat.core.port.out.DeliveryStatus;
import io.roomchat.core.port.out.EventEncoder;
import io.roomchat.core.port.out.FanoutReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One event to many connections: starts every delivery before waiting for any (the gateway decides how many run at
 * once), and encodes the event once per protocol among the recipients, not once per recipient.
 */
final class Fanout {
    private final ConnectionGateway gateway;
    private final EventEncoder encoder;

    Fanout(ConnectionGateway gateway, EventEncoder encoder) {
        this.gateway = gateway;
        this.encoder = encoder;
    }

    /** How a fan-out ended, and which recipients turned out to be gone (their records are stale). */
    record Sent(FanoutReport report, List<ConnectionId> gone) {
    }

    Sent deliver(RoomEvent event, List<Member> recipients) {
        Map<Protocol, Delivery> deliveries = new EnumMap<>(Protocol.class);
        List<CompletableFuture<DeliveryStatus>> pending = new ArrayList<>(recipients.size());
        for (Member recipient : recipients) {
            Delivery delivery = deliveries.computeIfAbsent(recipient.protocol(),
                    protocol -> new Delivery(event, protocol, encoder));
            pending.add(start(recipient.connectionId(), delivery));
        }
        int delivered = 0;
        int failed = 0;
        List<ConnectionId> gone = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            switch (pending.get(i).join()) {
                case DELIVERED -> delivered++;
                case GONE -> gone.add(recipients.get(i).connectionId());
                case FAILED -> failed++;
            }
        }
        return new Sent(new FanoutReport(delivered, gone.size(), failed), gone);
    }

    private CompletableFuture<DeliveryStatus> start(ConnectionId to, Delivery delivery) {
        try {
            CompletableFuture<DeliveryStatus> stage = gateway.deliver(to, delivery).toCompletableFuture();
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
