package io.roomchat.core.port.in;

import io.roomchat.core.domain.ConnectionId;

/**
 * A socket must not outlive its token: from the token's {@code exp} on, its connection gets no command handled and
 * is closed. A binding that keeps sockets in memory closes them on time itself; one that does not (serverless)
 * asks here on each frame.
 */
public interface TokenExpiryUseCase {

    /**
     * The caller as its connection record says, judged by the core's clock: its protocol, and whether its token has
     * expired. An expired connection's record is removed at once (it leaves its rooms), so the transport has only
     * to answer in that protocol and close the socket. A connection the store does not know is a v1 one whose
     * token has not expired: the core answers its frames as for any.
     */
    FrameCaller check(ConnectionId caller);
}
