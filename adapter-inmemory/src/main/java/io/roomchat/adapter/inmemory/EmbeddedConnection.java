package io.roomchat.adapter.inmemory;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.Reply;

/** One open connection of an {@link EmbeddedChat}: the in-process counterpart of a socket. Thread-safe. */
public interface EmbeddedConnection extends AutoCloseable {

    ConnectionId id();

    /** Who the token said the caller is; edits and deletes are checked against this, never against a claim. */
    UserId userId();

    /**
     * Handles one command as a client frame: exactly one reply, never an exception for a rule that says no.
     * After {@link #close()} the connection is unknown to the chat, so commands are refused with 403.
     *
     * @throws IllegalStateException when called from inside a sink
     */
    Reply send(ClientCommand command);

    boolean isOpen();

    /** Disconnects: the connection leaves its rooms and its sink receives nothing more. Idempotent. */
    @Override
    void close();
}
