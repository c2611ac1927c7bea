package io.roomchat.adapter.lambda.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the events API Gateway sends a WebSocket route's integration, field for field as far as handlers read. */
final class WebSocketEvents {
    static final String API_ID = "local";

    private final String domainName;
    private final String stage;

    WebSocketEvents(String domainName, String stage) {
        this.domainName = domainName;
        this.stage = stage;
    }

    APIGatewayV2WebSocketEvent connect(String connectionId, Instant connectedAt, Map<String, String> query,
                                       Map<String, String> headers, String sourceIp) {
        APIGatewayV2WebSocketEvent event = base("$connect", "CONNECT", connectionId, connectedAt, sourceIp);
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setMultiValueQueryStringParameters(query.isEmpty() ? null : multi(query));
        event.setHeaders(headers);
        event.setMultiValueHeaders(multi(headers));
        return event;
    }

    APIGatewayV2WebSocketEvent message(String routeKey, String connectionId, Instant connectedAt, String body,
                                       boolean base64, String sourceIp) {
        APIGatewayV2WebSocketEvent event = base(routeKey, "MESSAGE", connectionId, connectedAt, sourceIp);
        event.getRequestContext().setMessageId(UUID.randomUUID().toString());
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        return event;
    }

    APIGatewayV2WebSocketEvent disconnect(String connectionId, Instant connectedAt, String sourceIp) {
        return base("$disconnect", "DISCONNECT", connectionId, connectedAt, sourceIp);
    }

    private APIGatewayV2WebSocketEvent base(String routeKey, String eventType, String connectionId,
                                           Instant connectedAt, String sourceIp) {
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setMessageDirection("IN");
        context.setConnectionId(connectionId);
        context.setConnectedAt(connectedAt.toEpochMilli());
        context.setRequestTimeEpoch(System.currentTimeMillis());
        context.setRequestId(UUID.randomUUID().toString());
        context.setDomainName(domainName);
        context.setStage(stage);
        context.setApiId(API_ID);
        APIGatewayV2WebSocketEvent.RequestIdentity identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
        identity.setSourceIp(sourceIp);
        context.setIdentity(identity);
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setIsBase64Encoded(false);
        return event;
    }

    private static Map<String, List<String>> multi(Map<String, String> single) {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        single.forEach((name, value) -> multi.put(name, List.of(value)));
        return multi;
    }
}
