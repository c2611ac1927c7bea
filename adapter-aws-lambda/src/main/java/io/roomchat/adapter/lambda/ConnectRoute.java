package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.port.in.ConnectOutcome;
import io.roomchat.core.port.in.ConnectUseCase;
import io.roomchat.core.port.in.DisconnectUseCase;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * {@code $connect} and {@code $disconnect}. The token comes from {@code ?token=} (as the original's client sends
 * it) or an {@code Authorization: Bearer} header; a refusal answers 401, which makes API Gateway refuse the
 * upgrade, and stores nothing. The event is never logged: its query string holds the token.
 */
final class ConnectRoute {
    private static final System.Logger LOG = System.getLogger(ConnectRoute.class.getName());
    private static final String BEARER = "bearer ";

    private final ConnectUseCase connecting;
    private final DisconnectUseCase disconnecting;
    private final CallbackEndpoint endpoint;

    ConnectRoute(ConnectUseCase connecting, DisconnectUseCase disconnecting, CallbackEndpoint endpoint) {
        this.connecting = connecting;
        this.disconnecting = disconnecting;
        this.endpoint = endpoint;
    }

    APIGatewayV2WebSocketResponse connect(APIGatewayV2WebSocketEvent event) {
        endpoint.learnFrom(event);
        ConnectionId id = WebSocketResponses.caller(event);
        try {
            ConnectOutcome outcome = connecting.connect(id, tokenOf(event), Protocol.V1);
            if (outcome instanceof ConnectOutcome.Refused refused) {
                LOG.log(Level.INFO, "$connect {0} refused: {1}", id, refused.reason());
                return WebSocketResponses.status(401);
            }
            LOG.log(Level.DEBUG, "$connect {0} accepted", id);
            return WebSocketResponses.status(200);
        } catch (RuntimeException failure) {
            LOG.log(Level.ERROR, "$connect " + id + " failed: " + failure.getClass().getSimpleName(), failure);
            return WebSocketResponses.status(500);
        }
    }

    APIGatewayV2WebSocketResponse disconnect(APIGatewayV2WebSocketEvent event) {
        ConnectionId id = WebSocketResponses.caller(event);
        disconnecting.disconnect(id);
        LOG.log(Level.DEBUG, "$disconnect {0}", id);
        return WebSocketResponses.status(200);
    }

    private static String tokenOf(APIGatewayV2WebSocketEvent event) {
        Map<String, String> query = event.getQueryStringParameters();
        if (query != null && query.get("token") != null && !query.get("token").isBlank()) {
            return query.get("token");
        }
        Map<String, String> headers = event.getHeaders();
        if (headers != null) {
            for (var header : headers.entrySet()) {
                String value = header.getValue();
                if ("authorization".equalsIgnoreCase(header.getKey()) && value != null
                        && value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                    return value.substring(BEARER.length()).trim();
                }
            }
        }
        return null;
    }
}
