package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.adapter.lambda.ServerlessChat;

/**
 * Routes {@code onJoin}, {@code onMessage}, {@code onHistory}, the v2 routes ({@code onLeave}, {@code onTyping},
 * {@code onRead}, {@code onPresence}, {@code onKick}) and {@code $default}: one frame in, one reply out
 * (a frame no route matched — bad JSON, an unknown action, a binary frame — gets a 400). The eight functions of
 * the template share this class; each keeps its own name, logs and IAM policy there.
 */
public final class FrameHandler extends WebSocketRouteHandler {

    /** What the Lambda runtime calls. */
    public FrameHandler() {
        this(LambdaEnvironment.chat());
    }

    public FrameHandler(ServerlessChat chat) {
        super(chat);
    }

    @Override
    protected APIGatewayV2WebSocketResponse route(ServerlessChat chat, APIGatewayV2WebSocketEvent event) {
        return chat.onFrame(event);
    }
}
