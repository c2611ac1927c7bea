package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;
import java.util.concurrent.atomic.AtomicReference;

/** Every client frame after connect: join, leave, post, edit, delete, read history, v2's actions. One reply each. */
public interface HandleCommandUseCase {

    /**
     * Sends the command's one reply to {@code replies}, exactly once and before any event the command sends the
     * caller itself (a resuming join's catch-up). Never throws: an unexpected failure is
     * {@link Reply#internalError()}, unless the reply was already sent.
     */
    void handle(ConnectionId caller, ClientCommand command, ReplyChannel replies);

    /** The command's one reply, returned once the command is done (after any catch-up it sent the caller). */
    default Reply handle(ConnectionId caller, ClientCommand command) {
        AtomicReference<Reply> reply = new AtomicReference<>();
        handle(caller, command, reply::set);
        return reply.get();
    }
}
