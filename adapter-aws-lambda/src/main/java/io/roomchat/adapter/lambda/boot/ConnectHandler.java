package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.adapter.lambda.ServerlessChat;

/** Route {@code $connect}: verifies the token and records the connection; 401 refuses the upgrade. */
public final class ConnectHandler extends WebSocketRouteHandler {

    /** What the Lambda runtime calls. */
    public ConnectHandler() {
        this(LambdaEnvironment.chat());
    }

    public ConnectHandler(ServerlessChat chat) {
        super(chat);
    }

    @Override
    protected APIGatewayV2WebSocketResponse route(ServerlessChat chat, APIGatewayV2WebSocketEvent event) {
        return chat.onConnect(event);
    }
}
