package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.adapter.lambda.ServerlessChat;

/** Route {@code onMessage}: stores a new, edited or deleted message, publishes it for fan-out, and replies. */
public final class MessageHandler extends WebSocketRouteHandler {

    /** What the Lambda runtime calls. */
    public MessageHandler() {
        this(LambdaEnvironment.chat());
    }

    public MessageHandler(ServerlessChat chat) {
        super(chat);
    }

    @Override
    protected APIGatewayV2WebSocketResponse route(ServerlessChat chat, APIGatewayV2WebSocketEvent event) {
        return chat.onFrame(event);
    }
}
