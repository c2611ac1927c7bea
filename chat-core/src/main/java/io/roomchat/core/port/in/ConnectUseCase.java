package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/** {@code $connect}: verify the token and record the connection; a refusal stores nothing. */
public interface ConnectUseCase {

    ConnectOutcome connect(ConnectionId id, String token);
}
