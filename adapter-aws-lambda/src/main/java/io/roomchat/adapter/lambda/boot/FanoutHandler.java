package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.roomchat.adapter.lambda.ServerlessChat;

/** Lambda entry point for the fan-out topic's subscription: broadcasts each published room event to its room. */
public final class FanoutHandler implements RequestHandler<SNSEvent, Void> {
    private final ServerlessChat chat;

    /** What the Lambda runtime calls: the execution environment's one chat, configured from its environment. */
    public FanoutHandler() {
        this(LambdaEnvironment.chat());
    }

    public FanoutHandler(ServerlessChat chat) {
        this.chat = chat;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        chat.onFanout(event);
        return null;
    }
}
