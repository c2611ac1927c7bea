package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.core.domain.ConnectionId;

/** What a route handler returns to API Gateway, and what it reads from every event. */
final class WebSocketResponses {
    private WebSocketResponses() {
    }

    static APIGatewayV2WebSocketResponse status(int statusCode) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(statusCode);
        return response;
    }

    static ConnectionId caller(APIGatewayV2WebSocketEvent event) {
        if (event.getRequestContext() == null || event.getRequestContext().getConnectionId() == null) {
            throw new IllegalArgumentException("not an API Gateway WebSocket event: no connectionId");
        }
        return new ConnectionId(event.getRequestContext().getConnectionId());
    }

    static String routeKey(APIGatewayV2WebSocketEvent event) {
        return event.getRequestContext() == null ? "?" : event.getRequestContext().getRouteKey();
    }
}
