package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.adapter.lambda.ServerlessChat;

/**
 * What every WebSocket route's Lambda entry point shares: one {@link ServerlessChat} per execution environment.
 * Subclasses differ by what they route to; the template gives each function its own name, logs and IAM policy.
 */
public abstract class WebSocketRouteHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private final ServerlessChat chat;

    protected WebSocketRouteHandler(ServerlessChat chat) {
        this.chat = chat;
    }

    @Override
    public final APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return route(chat, event);
    }

    protected abstract APIGatewayV2WebSocketResponse route(ServerlessChat chat, APIGatewayV2WebSocketEvent event);
}
