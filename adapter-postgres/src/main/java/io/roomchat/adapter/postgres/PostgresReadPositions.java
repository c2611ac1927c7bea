package io.roomchat.adapter.postgres;

import io.roomchat.adapter.jdbc.ConnectionSource;
import io.roomchat.adapter.jdbc.JdbcReadPositions;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The JDBC adapter's read positions on PostgreSQL: reads are the same; an advance is one upsert that keeps the
 * later time and returns what the row then holds, however many nodes race.
 */
final class PostgresReadPositions extends JdbcReadPositions {
    private static final String ADVANCE = "INSERT INTO read_positions (author, room, posted_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (author, room) DO UPDATE"
            + " SET posted_at = GREATEST(read_positions.posted_at, EXCLUDED.posted_at) RETURNING posted_at";

    private final ConnectionSource connections;

    PostgresReadPositions(ConnectionSource connections) {
        super(connections);
        this.connections = connections;
    }

    @Override
    public Instant advance(UserId user, RoomName room, Instant postedAt) {
        try (Connection connection = connections.open();
             PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            advance.setString(1, user.value());
            advance.setString(2, room.value());
            advance.setLong(3, postedAt.toEpochMilli());
            try (ResultSet row = advance.executeQuery()) {
                row.next();
                return Instant.ofEpochMilli(row.getLong(1));
            }
        } catch (SQLException failure) {
            throw new ChatStorageException("recording a read position failed", failure);
        }
    }
}
