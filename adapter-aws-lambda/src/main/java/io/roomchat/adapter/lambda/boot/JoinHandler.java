package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.adapter.lambda.ServerlessChat;

/** Route {@code onJoin}: moves the connection into a room, and replies. */
public final class JoinHandler extends WebSocketRouteHandler {

    /** What the Lambda runtime calls. */
    public JoinHandler() {
        this(LambdaEnvironment.chat());
    }

    public JoinHandler(ServerlessChat chat) {
        super(chat);
    }

    @Override
    protected APIGatewayV2WebSocketResponse route(ServerlessChat chat, APIGatewayV2WebSocketEvent event) {
        return chat.onFrame(event);
    }
}
