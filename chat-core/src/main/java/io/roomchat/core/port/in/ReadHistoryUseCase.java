package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/** A page of history. 200 with {@link ReplyPayload.HistoryPage}; 403 when the room is not joined; 400 for a limit out of range. */
public interface ReadHistoryUseCase {

    Reply readHistory(ConnectionId caller, ReadHistoryQuery command);
}
