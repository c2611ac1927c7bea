package io.roomchat.core.port.out;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPresence;
import java.util.List;
import java.util.Optional;

/**
 * Where connection records and their room memberships live. Implementations are thread-safe; failures surface as
 * {@link ChatStorageException}.
 *
 * <p>Presence is decided by the writes themselves: each join says whether it brought the user's first connection
 * into the room, each leave whether it took the user's last one out, judged on the memberships as they are right
 * after that write, atomically per room and user. So when two connections of one user leave a room at once,
 * exactly one of the two leaves reports {@link Departure#lastOfUser()}, and of two joining at once exactly one
 * reports {@link JoinOutcome.Joined#firstOfUser()}.
 */
public interface ConnectionStore {

    /** Stores a newly opened connection (replacing a record with the same id); it is in no room yet. */
    void add(Connection connection);

    Optional<Connection> find(ConnectionId id);

    /**
     * Adds {@code membership}'s room to the connection's rooms, or only renames the connection there when it is
     * in that room already. Refused, changing nothing, when the connection is in {@code maxRooms} other rooms.
     */
    JoinOutcome join(ConnectionId id, Membership membership, int maxRooms);

    /** Makes {@code membership}'s room the connection's only room, leaving every other (v1's {@code onJoin}). */
    JoinOutcome switchTo(ConnectionId id, Membership membership);

    /**
     * Takes the connection out of one room.
     *
     * @return what it was in that room, or empty when it was not in it (or is unknown)
     */
    Optional<Departure> leave(ConnectionId id, RoomName room);

    /**
     * Forgets the connection and its memberships; removing an unknown id does nothing.
     *
     * @return one departure per room it was in
     */
    List<Departure> remove(ConnectionId id);

    /** Every connection currently in {@code room}, in no particular order. */
    List<Member> inRoom(RoomName room);

    /** The distinct users present in {@code room}, listing at most {@code maxListed} of them. */
    default RoomPresence presence(RoomName room, int maxListed) {
        return RoomPresence.of(inRoom(room), maxListed);
    }

    /**
     * How many distinct users are present in {@code room}, given {@code here}: its connections as {@link #inRoom}
     * listed them. A store that holds only part of a room's connections (one node of a cluster) answers for the
     * whole room.
     */
    default int usersPresent(RoomName room, List<Member> here) {
        return RoomPresence.of(here, 0).count();
    }
}
