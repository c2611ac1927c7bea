package io.roomchat.core.port.out;

import io.roomchat.core.domain.ConnectionId;
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
}
