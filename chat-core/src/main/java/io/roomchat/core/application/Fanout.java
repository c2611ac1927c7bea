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
import java.util.concurrent.CompletionStage;

/**
 * One event to many connections: starts every delivery before waiting for any, in one call to the gateway per
 * protocol among the recipients (so a gateway that queues can wake its writers once for the group), and encodes
 * the event once per protocol, not once per recipient.
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
        Map<Protocol, List<ConnectionId>> byProtocol = new EnumMap<>(Protocol.class);
        for (Member recipient : recipients) {
            byProtocol.computeIfAbsent(recipient.protocol(), protocol -> new ArrayList<>(recipients.size()))
                    .add(recipient.connectionId());
        }
        Map<Protocol, List<CompletionStage<DeliveryStatus>>> started = new EnumMap<>(Protocol.class);
        byProtocol.forEach((protocol, to) -> started.put(protocol, start(to, new Delivery(event, protocol, encoder))));
        int delivered = 0;
        int failed = 0;
        List<ConnectionId> gone = new ArrayList<>();
        for (Map.Entry<Protocol, List<ConnectionId>> group : byProtocol.entrySet()) {
            List<ConnectionId> to = group.getValue();
            List<CompletionStage<DeliveryStatus>> stages = started.get(group.getKey());
            for (int i = 0; i < to.size(); i++) {
                switch (outcome(stages.get(i))) {
                    case DELIVERED -> delivered++;
                    case GONE -> gone.add(to.get(i));
                    case FAILED -> failed++;
                }
            }
        }
        return new Sent(new FanoutReport(delivered, gone.size(), failed), gone);
    }

    private List<CompletionStage<DeliveryStatus>> start(List<ConnectionId> to, Delivery delivery) {
        try {
            List<CompletionStage<DeliveryStatus>> started = gateway.deliverAll(to, delivery);
            if (started.size() != to.size()) {
                throw new IllegalStateException("the gateway answered " + started.size() + " of " + to.size()
                        + " deliveries");
            }
            return started;
        } catch (RuntimeException failure) {
            return to.stream().<CompletionStage<DeliveryStatus>>map(id -> CompletableFuture.failedFuture(failure))
                    .toList();
        }
    }

    /** Waits for one delivery; a gateway that only queues (Jetty, in-process) has answered already. */
    private static DeliveryStatus outcome(CompletionStage<DeliveryStatus> stage) {
        CompletableFuture<DeliveryStatus> future = stage.toCompletableFuture();
        try {
            return future.join();
        } catch (RuntimeException failure) {
            return DeliveryStatus.FAILED;
        }
    }
}
