package io.roomchat.adapter.redis;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPresence;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Departure;
import io.roomchat.core.port.out.JoinOutcome;
import java.util.List;
import java.util.Optional;

/**
 * A connection store that hands every call unchanged to the one it wraps (this node's own), so that a wrapper adding
 * cluster work keeps only the calls it changes.
 */
abstract class ForwardingConnectionStore implements ConnectionStore {
    protected final ConnectionStore local;

    ForwardingConnectionStore(ConnectionStore local) {
        this.local = local;
    }

    @Override
    public void add(Connection connection) {
        local.add(connection);
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return local.find(id);
    }

    @Override
    public JoinOutcome join(ConnectionId id, Membership membership, int maxRooms) {
        return local.join(id, membership, maxRooms);
    }

    @Override
    public JoinOutcome switchTo(ConnectionId id, Membership membership) {
        return local.switchTo(id, membership);
    }

    @Override
    public Optional<Departure> leave(ConnectionId id, RoomName room) {
        return local.leave(id, room);
    }

    @Override
    public List<Departure> remove(ConnectionId id) {
        return local.remove(id);
    }

    @Override
    public List<Member> inRoom(RoomName room) {
        return local.inRoom(room);
    }

    @Override
    public RoomPresence presence(RoomName room, int maxListed) {
        return local.presence(room, maxListed);
    }

    @Override
    public int usersPresent(RoomName room, List<Member> here) {
        return local.usersPresent(room, here);
    }
}
