package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.adapter.lambda.ServerlessChat;

/** Route {@code $disconnect}: forgets the connection. */
public final class DisconnectHandler extends WebSocketRouteHandler {

    /** What the Lambda runtime calls. */
    public DisconnectHandler() {
        this(LambdaEnvironment.chat());
    }

    public DisconnectHandler(ServerlessChat chat) {
        super(chat);
    }

    @Override
    protected APIGatewayV2WebSocketResponse route(ServerlessChat chat, APIGatewayV2WebSocketEvent event) {
        return chat.onDisconnect(event);
    }
}
