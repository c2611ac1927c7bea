package io.roomchat.core.port.out;

import io.roomchat.core.domain.Connection;
import java.util.List;
import java.util.Objects;

/** How a join went in the store. */
public sealed interface JoinOutcome {

    /**
     * The connection is in the room.
     *
     * @param firstOfUser no other connection of the same user was in the room: the user has just entered it
     * @param left        the rooms a switch took the connection out of (never the joined room itself)
     */
    record Joined(Connection connection, boolean firstOfUser, List<Departure> left) implements JoinOutcome {
        public Joined {
            Objects.requireNonNull(connection, "connection");
            left = List.copyOf(left);
        }
    }

    /** No such connection is stored (any more): nothing was stored. */
    record UnknownConnection() implements JoinOutcome {
    }

    /** The connection is in as many rooms as it may be: nothing was changed. */
    record TooManyRooms() implements JoinOutcome {
    }
}
