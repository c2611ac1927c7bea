package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.adapter.lambda.ServerlessChat;

/** Route {@code onHistory}: replies with a page of the room's history. */
public final class HistoryHandler extends WebSocketRouteHandler {

    /** What the Lambda runtime calls. */
    public HistoryHandler() {
        this(LambdaEnvironment.chat());
    }

    public HistoryHandler(ServerlessChat chat) {
        super(chat);
    }

    @Override
    protected APIGatewayV2WebSocketResponse route(ServerlessChat chat, APIGatewayV2WebSocketEvent event) {
        return chat.onFrame(event);
    }
}
