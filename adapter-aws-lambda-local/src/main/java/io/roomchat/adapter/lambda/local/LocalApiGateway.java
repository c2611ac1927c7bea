package io.roomchat.adapter.lambda.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.core.domain.SubprotocolOffer;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What API Gateway does between a socket and the route integrations: a connect event decides whether the upgrade
 * succeeds, each frame becomes an event for the route its {@code action} selects, a close becomes
 * {@code $disconnect}. The subprotocol handshake is API Gateway's too: the client's {@code Sec-WebSocket-Protocol}
 * reaches {@code $connect} among the headers, and the 101 names a subprotocol only when the {@code $connect}
 * response carried that header. A function that throws is answered as API Gateway answers it: a 500 at connect, an
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

    /**
     * What {@code $connect} answered: a 2xx status opens the socket, anything else refuses the upgrade; the
     * subprotocol is the one its response named in {@code Sec-WebSocket-Protocol}, for the 101.
     */
    record ConnectAnswer(int status, Optional<String> subprotocol) {
        boolean opens() {
            return status >= 200 && status <= 299;
        }
    }

    ConnectAnswer connect(String connectionId, Instant connectedAt, Map<String, String> query,
                          Map<String, String> headers, String sourceIp) {
        try {
            APIGatewayV2WebSocketResponse response = routes.get("$connect")
                    .handleRequest(events.connect(connectionId, connectedAt, query, headers, sourceIp), null);
            if (response == null) {
                return new ConnectAnswer(200, Optional.empty());
            }
            return new ConnectAnswer(response.getStatusCode(), subprotocolOf(response));
        } catch (RuntimeException failure) {
            LOG.warn("$connect function failed for {}: {}", connectionId, failure.getClass().getSimpleName());
            return new ConnectAnswer(500, Optional.empty());
        }
    }

    private static Optional<String> subprotocolOf(APIGatewayV2WebSocketResponse response) {
        Map<String, String> headers = response.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(header -> SubprotocolOffer.HEADER.equalsIgnoreCase(header.getKey()) && header.getValue() != null)
                .map(Map.Entry::getValue)
                .findFirst();
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
