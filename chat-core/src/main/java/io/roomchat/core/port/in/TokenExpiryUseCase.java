package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/**
 * A socket must not outlive its token: from the token's {@code exp} on, its connection gets no command handled and
 * is closed. A binding that keeps sockets in memory closes them on time itself; one that does not (serverless)
 * asks here on each frame.
 */
public interface TokenExpiryUseCase {

    /**
     * Whether the caller's token has expired by the core's clock, judged from its connection record. An expired
     * connection's record is removed at once (it leaves its room), so the transport has only to close the socket.
     * A connection the store does not know is not expired here: the core answers its frames as for any.
     */
    boolean forgetIfExpired(ConnectionId caller);
}
