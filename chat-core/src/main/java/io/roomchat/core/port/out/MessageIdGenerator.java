package io.roomchat.core.port.out;

import io.roomchat.core.domain.MessageId;
import java.util.UUID;

/** Names new messages. */
@FunctionalInterface
public interface MessageIdGenerator {

    MessageId next();

    static MessageIdGenerator randomUuids() {
        return () -> new MessageId(UUID.randomUUID().toString());
    }
}
