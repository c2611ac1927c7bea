package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.SubprotocolOffer;
import io.roomchat.core.port.in.ConnectOutcome;
import io.roomchat.core.port.in.ConnectUseCase;
import io.roomchat.core.port.in.DisconnectUseCase;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code $connect} and {@code $disconnect}. The token comes from {@code ?token=} (as the original's client sends
 * it) or an {@code Authorization: Bearer} header; a refusal answers 401, which makes API Gateway refuse the
 * upgrade, and stores nothing. The event is never logged: its query string holds the token.
 *
 * <p>A client that offers the subprotocol {@value SubprotocolOffer#V2} in {@code Sec-WebSocket-Protocol} is v2, and
 * the 200 carries {@code Sec-WebSocket-Protocol: roomchat.v2}: API Gateway puts that header of the {@code $connect}
 * response into its 101. Without it the connection is v1 and the response has no such header.
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
            SubprotocolOffer offer = SubprotocolOffer.ofHeaders(headerValues(event, SubprotocolOffer.HEADER));
            ConnectOutcome outcome = connecting.connect(id, tokenOf(event), offer.protocol());
            if (outcome instanceof ConnectOutcome.Refused refused) {
                LOG.log(Level.INFO, "$connect {0} refused: {1}", id, refused.reason());
                return WebSocketResponses.status(401);
            }
            LOG.log(Level.DEBUG, "$connect {0} accepted ({1})", id, offer.protocol());
            APIGatewayV2WebSocketResponse accepted = WebSocketResponses.status(200);
            offer.accepted().ifPresent(
                    subprotocol -> accepted.setHeaders(Map.of(SubprotocolOffer.HEADER, subprotocol)));
            return accepted;
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

    /** A header's values, whatever its name's case: every line of the multi-value map, or the single value. */
    private static List<String> headerValues(APIGatewayV2WebSocketEvent event, String name) {
        Map<String, List<String>> multi = event.getMultiValueHeaders();
        if (multi != null) {
            for (var header : multi.entrySet()) {
                if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
                    return header.getValue();
                }
            }
        }
        Map<String, String> single = event.getHeaders();
        if (single != null) {
            for (var header : single.entrySet()) {
                if (name.equalsIgnoreCase(header.getKey())) {
                    return Collections.singletonList(header.getValue());
                }
            }
        }
        return List.of();
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
