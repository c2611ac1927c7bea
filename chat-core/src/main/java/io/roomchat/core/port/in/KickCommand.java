package io.roomchat.core.port.in;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.util.Objects;

/**
 * {@code onKick} (v2): a moderator of {@code room} removes every connection of {@code userId} from it and, for
 * {@code minutes} above 0, bans the user from rejoining for that long (0: a kick without a ban).
 */
public record KickCommand(RoomName room, UserId userId, int minutes) implements ClientCommand {
    /** The longest ban a kick can set: 30 days. */
    public static final int MAX_MINUTES = 30 * 24 * 60;

    public KickCommand {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(userId, "userId");
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes: must be 0-" + MAX_MINUTES);
        }
    }
}
