package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/** {@code onJoin}. 200; 403 for an unknown connection, or naming {@code room} for one room too many (v2). */
public interface JoinRoomUseCase {

    Reply join(ConnectionId caller, JoinRoomCommand command);
}
