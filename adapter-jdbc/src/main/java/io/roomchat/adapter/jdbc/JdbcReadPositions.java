package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.ReadPositions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Read positions in one SQL table. An advance is one conditional update that only ever raises the time, or the
 * row's first insert; either way the answer is what the row then holds. On H2 an advance is durable with the next
 * checkpoint of the database, at most about a second later ({@code WriteAheadLog}; it is not in the log, and no
 * one waits for it); on PostgreSQL at commit.
 *
 * <p>Public and open for the PostgreSQL adapter, which reads the same table and advances in one statement.
 */
public class JdbcReadPositions implements ReadPositions {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String RAISE =
            "UPDATE read_positions SET posted_at = ? WHERE author = ? AND room = ? AND posted_at < ?";
    private static final String FIRST = "INSERT INTO read_positions (author, room, posted_at) VALUES (?, ?, ?)";
    private static final String READ = "SELECT posted_at FROM read_positions WHERE author = ? AND room = ?";

    private final ConnectionSource connections;

    protected JdbcReadPositions(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public Instant advance(UserId user, RoomName room, Instant postedAt) {
        long millis = postedAt.toEpochMilli();
        try (Connection connection = connections.open()) {
            Optional<Instant> current = read(connection, user, room);
            if (current.isEmpty()) {
                try (PreparedStatement first = connection.prepareStatement(FIRST)) {
                    first.setString(1, user.value());
                    first.setString(2, room.value());
                    first.setLong(3, millis);
                    first.executeUpdate();
                    return Instant.ofEpochMilli(millis);
                } catch (SQLException failure) {
                    if (!UNIQUE_VIOLATION.equals(failure.getSQLState())) {
                        throw failure;
                    }
                    // Another call inserted it meanwhile: raise that row instead.
                }
            }
            try (PreparedStatement raise = connection.prepareStatement(RAISE)) {
                raise.setLong(1, millis);
                raise.setString(2, user.value());
                raise.setString(3, room.value());
                raise.setLong(4, millis);
                raise.executeUpdate();
            }
            return read(connection, user, room).orElseThrow(() -> new ChatStorageException("read position vanished"));
        } catch (SQLException failure) {
            throw new ChatStorageException("recording a read position failed", failure);
        }
    }

    @Override
    public Optional<Instant> position(UserId user, RoomName room) {
        try (Connection connection = connections.open()) {
            return read(connection, user, room);
        } catch (SQLException failure) {
            throw new ChatStorageException("reading a read position failed", failure);
        }
    }

    private static Optional<Instant> read(Connection connection, UserId user, RoomName room) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(READ)) {
            query.setString(1, user.value());
            query.setString(2, room.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(Instant.ofEpochMilli(row.getLong(1))) : Optional.empty();
            }
        }
    }
}
