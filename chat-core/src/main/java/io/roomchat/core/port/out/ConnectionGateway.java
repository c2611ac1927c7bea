package io.roomchat.core.port.out;

import io.roomchat.core.domain.ConnectionId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands an event to one connection: a socket's send queue, API Gateway's @connections, an in-process sink. A
 * {@link io.roomchat.core.domain.RoomEvent.Kicked} for a v1 connection has no frame in v1: the gateway closes that
 * connection instead (code 4403 where the transport can send one) and reports it delivered.
 */
public interface ConnectionGateway {

    /**
     * Starts delivering; the stage completes with {@link DeliveryStatus#GONE} when the connection no longer
     * exists (so its record can be removed), and should not complete exceptionally.
     */
    CompletionStage<DeliveryStatus> deliver(ConnectionId to, Delivery delivery);

    /**
     * Starts delivering one event to many connections, as a fan-out does: the stages answer {@code to} in order.
     * By default one {@link #deliver} each, a delivery that throws answered by a failed stage; a gateway that
     * only queues frames overrides it to wake its writers once for the whole group instead of once per connection.
     */
    default List<CompletionStage<DeliveryStatus>> deliverAll(List<ConnectionId> to, Delivery delivery) {
        List<CompletionStage<DeliveryStatus>> started = new ArrayList<>(to.size());
        for (ConnectionId connection : to) {
            try {
                started.add(deliver(connection, delivery));
            } catch (RuntimeException failure) {
                started.add(CompletableFuture.failedFuture(failure));
            }
        }
        return started;
    }
}
