package io.roomchat.core.port.in;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.port.out.FanoutReport;

/**
 * Deliver a published message to every connection in its room, the sender's included, and drop the records of
 * connections that are gone. The fan-out subscriber of a message bus calls this.
 */
public interface BroadcastUseCase {

    FanoutReport broadcast(ChatMessage message);
}
