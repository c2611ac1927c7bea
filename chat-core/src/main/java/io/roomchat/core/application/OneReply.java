package io.roomchat.core.application;

import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyChannel;
import io.roomchat.core.port.out.ChatMetrics;

/**
 * A frame's reply channel that passes on the first reply only, and counts it: a command that answered early (a
 * resuming join) also returns its reply, and a failure after that answer must not become a second one.
 */
final class OneReply implements ReplyChannel {
    private final ReplyChannel replies;
    private final ChatMetrics metrics;
    private boolean sent;

    OneReply(ReplyChannel replies, ChatMetrics metrics) {
        this.replies = replies;
        this.metrics = metrics;
    }

    @Override
    public void send(Reply reply) {
        if (sent) {
            return;
        }
        sent = true;
        metrics.replied(reply.status());
        replies.send(reply);
    }
}
