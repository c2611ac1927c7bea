package io.roomchat.core.port.in;

import io.roomchat.core.domain.Protocol;
import java.util.Objects;

/** Who sent a frame, as far as a transport that keeps no sockets needs to know: its protocol, and if it may go on. */
public record FrameCaller(Protocol protocol, boolean tokenExpired) {
    public FrameCaller {
        Objects.requireNonNull(protocol, "protocol");
    }
}
