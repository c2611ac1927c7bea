package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;

/**
 * Announces a stored (new, edited or deleted) message for fan-out to its room: directly in-process, or through
 * a bus such as SNS whose subscriber calls the broadcast use case.
 */
@FunctionalInterface
public interface MessagePublisher {

    void publish(ChatMessage message);
}
