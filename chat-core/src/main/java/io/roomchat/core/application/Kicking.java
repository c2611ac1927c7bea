package io.roomchat.core.application;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.KickCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Departure;
import io.roomchat.core.port.out.RoomBans;
import io.roomchat.core.port.out.RoomEventPublisher;
import io.roomchat.core.port.out.RoomPolicy;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code onKick}: a moderator of the room removes a user from it. The ban (for {@code minutes} above 0) is stored
 * first, so that a connection of the user joining meanwhile is refused; then the kick is published like every room
 * event, and each node (or the fan-out function) tells the user's connections it holds and {@link #expel}s them from
 * the room. Refused, changing nothing, for anyone the room policy does not call a moderator there.
 */
final class Kicking {
    static final String NOT_MODERATOR = "room: you do not moderate this room";
    static final String NO_BANS = "minutes: this chat keeps no bans, kick with minutes 0";
    private static final System.Logger LOG = System.getLogger(Kicking.class.getName());

    private final ConnectionStore connections;
    private final RoomPolicy policy;
    private final Optional<RoomBans> bans;
    private final RoomEventPublisher publisher;
    private final Disconnecting disconnecting;
    private final Clock clock;

    Kicking(ConnectionStore connections, RoomPolicy policy, Optional<RoomBans> bans, RoomEventPublisher publisher,
            Disconnecting disconnecting, Clock clock) {
        this.connections = connections;
        this.policy = policy;
        this.bans = bans;
        this.publisher = publisher;
        this.disconnecting = disconnecting;
        this.clock = clock;
    }

    Reply kick(ConnectionId caller, KickCommand command) {
        Optional<Connection> moderator = connections.find(caller);
        if (moderator.isEmpty()) {
            return Reply.rejected(Status.FORBIDDEN, RoomMembers.UNKNOWN_CONNECTION);
        }
        if (!policy.moderates(moderator.get().identity(), command.room())) {
            return Reply.rejected(Status.FORBIDDEN, NOT_MODERATOR);
        }
        if (command.minutes() > 0 && bans.isEmpty()) {
            return Reply.rejected(Status.BAD_REQUEST, NO_BANS);
        }
        String ban = "";
        if (command.minutes() > 0) {
            Instant until = clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(command.minutes()));
            bans.get().ban(command.room(), command.userId(), until);
            ban = ", banned until " + until;
        }
        LOG.log(Level.INFO, "moderator " + moderator.get().userId() + " kicked " + command.userId() + " from room "
                + command.room() + ban);
        publisher.publish(Announcement.of(new RoomEvent.Kicked(command.room(), command.userId(),
                moderator.get().userId())));
        return Reply.ok();
    }

    /** Takes the kicked user's connections, already told, out of the room; the room hears the user's leave. */
    void expel(RoomEvent.Kicked kicked, List<Member> told) {
        List<Departure> departures = new ArrayList<>();
        for (Member target : told) {
            connections.leave(target.connectionId(), kicked.room()).ifPresent(departures::add);
        }
        disconnecting.departed(departures);
    }
}
