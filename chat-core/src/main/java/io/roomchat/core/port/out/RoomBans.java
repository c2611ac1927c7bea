package io.roomchat.core.port.out;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * Who may not join which room, until when: a moderator's kick with minutes stores one. Durable as far as the store
 * keeps anything (a ban outlives a restart), shared by every node and function of one chat. Implementations are
 * thread-safe; failures surface as {@link ChatStorageException}.
 */
public interface RoomBans {

    /**
     * Bans {@code user} from {@code room} until {@code until}; a ban already running until later stays as it is, so
     * racing bans end at the latest of them.
     */
    void ban(RoomName room, UserId user, Instant until);

    /** When the user's ban from the room ends, if one is running at {@code now}; empty otherwise. */
    Optional<Instant> bannedUntil(RoomName room, UserId user, Instant now);
}
