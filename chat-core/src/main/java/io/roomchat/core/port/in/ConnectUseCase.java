package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;

/** {@code $connect}: verify the token and record the connection with its protocol; a refusal stores nothing. */
public interface ConnectUseCase {

    ConnectOutcome connect(ConnectionId id, String token, Protocol protocol);
}
