package io.roomchat.adapter.lambda.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What API Gateway does between a socket and the route integrations: a connect event decides whether the upgrade
 * succeeds, each frame becomes an event for the route its {@code action} selects, a close becomes
 * {@code $disconnect}. A function that throws is answered as API Gateway answers it: a 500 at connect, an
 * {@code Internal server error} frame otherwise.
 */
final class LocalApiGateway {
    private static final Logger LOG = LoggerFactory.getLogger(LocalApiGateway.class);
    private static final String INTERNAL_ERROR = "{\"message\": \"Internal server error\", \"connectionId\":\"%s\"}";

    private final Map<String, RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> routes;
    private final RouteSelection selection;
    private final WebSocketEvents events;
    private final LocalConnections connections;

    LocalApiGateway(Map<String, RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> routes,
                    WebSocketEvents events, LocalConnections connections) {
        this.routes = Map.copyOf(routes);
        Set<String> frameRoutes = new HashSet<>(routes.keySet());
        frameRoutes.removeAll(Set.of("$connect", "$disconnect", RouteSelection.DEFAULT));
        this.selection = new RouteSelection(frameRoutes);
        this.events = events;
        this.connections = connections;
    }

    /** The status {@code $connect} answered: 2xx opens the socket, anything else refuses the upgrade. */
    int connect(String connectionId, Instant connectedAt, Map<String, String> query, Map<String, String> headers,
                String sourceIp) {
        try {
            APIGatewayV2WebSocketResponse response = routes.get("$connect")
                    .handleRequest(events.connect(connectionId, connectedAt, query, headers, sourceIp), null);
            return response == null ? 200 : response.getStatusCode();
        } catch (RuntimeException failure) {
            LOG.warn("$connect function failed for {}: {}", connectionId, failure.getClass().getSimpleName());
            return 500;
        }
    }

    void text(String connectionId, Instant connectedAt, String body, String sourceIp) {
        invoke(selection.routeFor(body), connectionId, connectedAt, body, false, sourceIp);
    }

    void binary(String connectionId, Instant connectedAt, byte[] body, String sourceIp) {
        invoke(RouteSelection.DEFAULT, connectionId, connectedAt, Base64.getEncoder().encodeToString(body), true,
                sourceIp);
    }

    void disconnect(String connectionId, Instant connectedAt, String sourceIp) {
        connections.closed(connectionId);
        try {
            routes.get("$disconnect").handleRequest(events.disconnect(connectionId, connectedAt, sourceIp), null);
        } catch (RuntimeException failure) {
            LOG.warn("$disconnect function failed for {}: {}", connectionId, failure.getClass().getSimpleName());
        }
    }

    private void invoke(String routeKey, String connectionId, Instant connectedAt, String body, boolean base64,
                        String sourceIp) {
        var function = routes.get(routeKey);
        try {
            function.handleRequest(events.message(routeKey, connectionId, connectedAt, body, base64, sourceIp), null);
        } catch (RuntimeException failure) {
            LOG.warn("{} function failed for {}: {}", routeKey, connectionId, failure.getClass().getSimpleName());
            connections.find(connectionId).ifPresent(socket -> {
                try {
                    socket.send(String.format(INTERNAL_ERROR, connectionId));
                } catch (Exception ignored) {
                    // the socket went away meanwhile
                }
            });
        }
    }
}
