package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.roomchat.adapter.lambda.ServerlessChat;

/**
 * Lambda entry point for the server API's HTTP route ({@code ANY /api/rooms/{room}/messages} on an HTTP API): posts
 * as the bearer token's subject, on the same core and stores as the WebSocket routes.
 */
public final class ServerApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ServerlessChat chat;

    /** What the Lambda runtime calls: the execution environment's one chat, configured from its environment. */
    public ServerApiHandler() {
        this(LambdaEnvironment.chat());
    }

    public ServerApiHandler(ServerlessChat chat) {
        this.chat = chat;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return chat.onServerApi(event);
    }
}
