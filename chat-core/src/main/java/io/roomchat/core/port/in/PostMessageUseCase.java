package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/** A new message. 200 with {@link ReplyPayload.Posted} once stored; 403 when the room is not joined; 413 when the text is too long. */
public interface PostMessageUseCase {

    Reply post(ConnectionId caller, PostMessageCommand command);
}
