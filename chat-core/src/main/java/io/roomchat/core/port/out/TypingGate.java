package io.roomchat.core.port.out;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.RoomName;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the last forwarded typing event per connection and room is kept, for the "one per connection and room every
 * 2 s" rule. By default in the core's memory (one process holds each connection); serverless keeps it in a store,
 * since a connection's frames reach many function instances.
 */
@FunctionalInterface
public interface TypingGate {

    /**
     * Whether a typing event from {@code connection} in {@code room} may go out at {@code now}, none having gone out
     * within {@code interval} before; if so, it counts as forwarded at {@code now}. Racing callers: at most one wins.
     *
     * @throws ChatStorageException when the store fails
     */
    boolean tryForward(ConnectionId connection, RoomName room, Instant now, Duration interval);
}
