package io.roomchat.core.application;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.RoomAccess;
import io.roomchat.core.port.out.RoomBans;
import io.roomchat.core.port.out.RoomPolicy;
import java.time.Clock;
import java.util.Optional;

/** May this connection enter this room: the room policy first, then a running ban. A refusal changes nothing. */
final class RoomAdmission {
    static final String BANNED = "room: you are banned from this room for now";

    private final RoomPolicy policy;
    private final Optional<RoomBans> bans;
    private final Clock clock;

    RoomAdmission(RoomPolicy policy, Optional<RoomBans> bans, Clock clock) {
        this.policy = policy;
        this.bans = bans;
        this.clock = clock;
    }

    /** Empty when it may enter; otherwise the reply that refuses it. */
    Optional<Reply> refusal(Connection connection, RoomName room) {
        if (policy.admits(connection.identity(), room) instanceof RoomAccess.Refused refused) {
            return Optional.of(Reply.rejected(refused.status(), refused.reason()));
        }
        boolean banned = bans.flatMap(kept -> kept.bannedUntil(room, connection.userId(), clock.instant()))
                .isPresent();
        return banned ? Optional.of(Reply.rejected(Status.FORBIDDEN, BANNED)) : Optional.empty();
    }
}
