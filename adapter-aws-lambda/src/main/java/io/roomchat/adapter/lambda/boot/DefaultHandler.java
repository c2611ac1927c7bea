package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.adapter.lambda.ServerlessChat;

/** Route {@code $default}: a frame no route matched (bad JSON, unknown action) gets a 400 reply. */
public final class DefaultHandler extends WebSocketRouteHandler {

    /** What the Lambda runtime calls. */
    public DefaultHandler() {
        this(LambdaEnvironment.chat());
    }

    public DefaultHandler(ServerlessChat chat) {
        super(chat);
    }

    @Override
    protected APIGatewayV2WebSocketResponse route(ServerlessChat chat, APIGatewayV2WebSocketEvent event) {
        return chat.onFrame(event);
    }
}
