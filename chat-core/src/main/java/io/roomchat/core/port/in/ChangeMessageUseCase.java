package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/** Edit or delete. 200 once stored; 403 when the room is not joined or the caller is not the author; 404 when there is no such message; 413 when the new text is too long. */
public interface ChangeMessageUseCase {

    Reply change(ConnectionId caller, ChangeMessageCommand command);
}
