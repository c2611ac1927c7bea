package io.roomchat.adapter.lambda;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.out.ConnectionGateway;
import io.roomchat.core.port.out.Delivery;
import io.roomchat.core.port.out.DeliveryStatus;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Delivers frames through API Gateway's {@code POST @connections/{id}}. Fan-out runs on a fixed number of
 * threads, so at most {@code maxInFlight} calls are open at once however large the room (the original awaited
 * each recipient in turn). A 410 means the socket is gone: the core then removes its record. A kick of a v1
 * connection deletes it ({@code DELETE @connections/{id}}). Logs name the connection and the error, never the frame.
 */
final class ApiGatewayConnectionGateway implements ConnectionGateway, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ApiGatewayConnectionGateway.class.getName());

    private final CallbackEndpoint endpoint;
    private final ThreadPoolExecutor senders;

    ApiGatewayConnectionGateway(CallbackEndpoint endpoint, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive");
        }
        this.endpoint = endpoint;
        this.senders = new ThreadPoolExecutor(maxInFlight, maxInFlight, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        this.senders.allowCoreThreadTimeOut(true);
    }

    @Override
    public CompletionStage<DeliveryStatus> deliver(ConnectionId to, Delivery delivery) {
        if (delivery.protocol() == Protocol.V1 && delivery.event() instanceof RoomEvent.Kicked) {
            // API Gateway cannot send a close code: a kicked v1 socket is closed as any server-side close.
            return CompletableFuture.supplyAsync(() -> {
                close(to);
                return DeliveryStatus.DELIVERED;
            }, senders);
        }
        return CompletableFuture.supplyAsync(() -> send(to, delivery.text()), senders);
    }

    /** Sends one frame now, in the calling thread: how a handler answers its caller. */
    DeliveryStatus send(ConnectionId to, String frame) {
        try {
            endpoint.client().postToConnection(request -> request
                    .connectionId(to.value())
                    .data(SdkBytes.fromUtf8String(frame)));
            return DeliveryStatus.DELIVERED;
        } catch (GoneException gone) {
            return DeliveryStatus.GONE;
        } catch (SdkException | IllegalStateException failure) {
            LOG.log(Level.WARNING, "postToConnection to {0} failed: {1}", to, describe(failure));
            return DeliveryStatus.FAILED;
        }
    }

    /** Closes the socket from the server's side, as API Gateway's {@code DELETE @connections/{id}} does. */
    void close(ConnectionId connection) {
        try {
            endpoint.client().deleteConnection(request -> request.connectionId(connection.value()));
        } catch (GoneException gone) {
            // already closed
        } catch (SdkException failure) {
            LOG.log(Level.WARNING, "deleteConnection of {0} failed: {1}", connection, describe(failure));
        }
    }

    /** Stops the delivery threads and closes the Management API clients. */
    @Override
    public void close() {
        senders.shutdownNow();
        endpoint.close();
    }

    /** The error's class and, for a service error, its status: never the request, which holds the frame. */
    private static String describe(Exception failure) {
        if (failure instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service) {
            return failure.getClass().getSimpleName() + " (HTTP " + service.statusCode() + ")";
        }
        return failure.getClass().getSimpleName();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "apigw-delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
