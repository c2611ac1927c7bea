package io.roomchat.core.port.out;

import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.RoomName;

/**
 * Who may enter which room, and who moderates it. The core asks on every join (before a ban, which the core
 * checks itself in {@link RoomBans}) and on every delete and kick. The default reads the grants the token verifier
 * put in the identity ({@code ChatCore.builder()}); an embedding program replaces it with its own rule, such as
 * asking its own membership tables. Called on the frame's thread: implementations are thread-safe and quick, and
 * a failure is an exception (the frame is answered 500 and nothing changes).
 */
public interface RoomPolicy {

    /** Whether {@code who} may join {@code room}; a refusal says why, naming the field it is about. */
    RoomAccess admits(Identity who, RoomName room);

    /** Whether {@code who} moderates {@code room}: may delete anyone's message there and kick users out of it. */
    boolean moderates(Identity who, RoomName room);
}
