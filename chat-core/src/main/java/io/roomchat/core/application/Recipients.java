package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.ConnectionStore;
import java.util.List;
import java.util.Optional;

/**
 * Which of a room's connections receive an event, by its kind: the one place each kind's recipient rule lives. A
 * new kind of {@link RoomEvent} adds its rule here.
 */
final class Recipients {
    private final ConnectionStore connections;
    private final int presenceMaxUsers;

    Recipients(ConnectionStore connections, Limits limits) {
        this.connections = connections;
        this.presenceMaxUsers = limits.presenceMaxUsers();
    }

    /** Among {@code members}, the room's connections known here, those that receive {@code announcement}. */
    List<Member> of(Announcement announcement, List<Member> members) {
        RoomEvent event = announcement.event();
        if (event instanceof RoomEvent.Message) {
            return members;
        }
        if (event instanceof RoomEvent.Presence) {
            // A busy room sends none (clients ask with onPresence); the count is the whole room's, every node's.
            boolean busy = connections.usersPresent(event.room(), members) > presenceMaxUsers;
            return busy ? List.of() : v2(members, Optional.empty());
        }
        if (event instanceof RoomEvent.Typing || event instanceof RoomEvent.Read) {
            return v2(members, announcement.origin());
        }
if (event instanceof RoomEvent.Kicked kicked) {
            // Every connection of the kicked user, of either protocol: a v1 one is closed by its gateway.
            return members.stream().filter(member -> member.userId().equals(kicked.userId())).toList();
        }
        throw new IllegalArgumentException("no recipient rule for " + event.getClass().getSimpleName());
    }

    private static List<Member> v2(List<Member> members, Optional<ConnectionId> except) {
        return members.stream()
                .filter(member -> member.protocol() == Protocol.V2)
                .filter(member -> except.map(origin -> !origin.equals(member.connectionId())).orElse(true))
                .toList();
    }
}
