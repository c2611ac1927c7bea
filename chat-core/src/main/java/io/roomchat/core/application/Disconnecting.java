package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.in.DisconnectUseCase;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Departure;
import java.util.List;

/**
 * Connections leaving rooms, however they leave (disconnect, idle timeout, slow reader dropped, found gone in a
 * fan-out, {@code onLeave}, a v1 switch): each user whose last connection left a room is announced there.
 */
final class Disconnecting implements DisconnectUseCase {
    private final ConnectionStore connections;
    private final Presence presence;
    private final TypingThrottle typing;

    Disconnecting(ConnectionStore connections, Presence presence, TypingThrottle typing) {
        this.connections = connections;
        this.presence = presence;
        this.typing = typing;
    }

    @Override
    public void disconnect(ConnectionId id) {
        departed(connections.remove(id));
        typing.forget(id);
    }

    void departed(List<Departure> departures) {
        for (Departure departure : departures) {
            typing.forget(departure.member().connectionId(), departure.room());
            if (departure.lastOfUser()) {
                var member = departure.member();
                presence.announce(new RoomEvent.Presence(departure.room(), RoomEvent.Presence.Kind.LEAVE,
                        member.userId(), member.name()));
            }
        }
    }
}
