package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/** {@code onJoin}. 200, or 403 for an unknown connection. */
public interface JoinRoomUseCase {

    Reply join(ConnectionId caller, JoinRoomCommand command);
}
