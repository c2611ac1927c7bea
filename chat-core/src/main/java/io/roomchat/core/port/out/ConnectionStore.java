package io.roomchat.core.port.out;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import java.util.List;
import java.util.Optional;

/**
 * Where connection records live. Implementations are thread-safe; failures surface as
 * {@link ChatStorageException}.
 */
public interface ConnectionStore {

    /** Stores a newly opened connection (replacing a record with the same id). */
    void add(Connection connection);

    Optional<Connection> find(ConnectionId id);

    /**
     * Moves the connection into {@code membership}'s room, out of any room it was in.
     *
     * @return the updated record, or empty when no such connection is stored
     */
    Optional<Connection> join(ConnectionId id, Membership membership);

    /** Forgets the connection; removing an unknown id does nothing. */
    void remove(ConnectionId id);

    /** Every connection currently in {@code room}, in no particular order. */
    List<Connection> inRoom(RoomName room);
}
