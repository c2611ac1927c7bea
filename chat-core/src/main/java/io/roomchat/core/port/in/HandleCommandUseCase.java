package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/** Every client frame after connect: join, post, edit, delete, read history. Exactly one reply each. */
public interface HandleCommandUseCase {

    /** Never throws: an unexpected failure becomes {@link Reply#internalError()}. */
    Reply handle(ConnectionId caller, ClientCommand command);
}
