package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.RoomBans;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Room bans in one SQL table, a row per room and user. A ban is the row's first insert or, when the row exists, one
 * conditional update that only ever moves its end later; rows are never deleted, so racing bans in any number of
 * processes end at the latest of them. Portable SQL: H2 and PostgreSQL run it as it is. On H2 a ban is durable
 * with the database's next checkpoint, at most about a second later ({@code WriteAheadLog}: bans are not in the
 * log); on PostgreSQL at commit.
 *
 * <p>Public for the PostgreSQL adapter, which uses it on its own database.
 */
public final class JdbcRoomBans implements RoomBans {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FIRST = "INSERT INTO room_bans (room, banned_user, banned_until) VALUES (?, ?, ?)";
    private static final String EXTEND = "UPDATE room_bans SET banned_until = ?"
            + " WHERE room = ? AND banned_user = ? AND banned_until < ?";
    private static final String READ = "SELECT banned_until FROM room_bans WHERE room = ? AND banned_user = ?";

    private final ConnectionSource connections;

    public JdbcRoomBans(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public void ban(RoomName room, UserId user, Instant until) {
        long millis = until.toEpochMilli();
        try (Connection connection = connections.open()) {
            try (PreparedStatement first = connection.prepareStatement(FIRST)) {
                first.setString(1, room.value());
                first.setString(2, user.value());
                first.setLong(3, millis);
                first.executeUpdate();
                return;
            } catch (SQLException failure) {
                if (!UNIQUE_VIOLATION.equals(failure.getSQLState())) {
                    throw failure;
                }
                // Banned before: extend that ban if this one ends later.
            }
            try (PreparedStatement extend = connection.prepareStatement(EXTEND)) {
                extend.setLong(1, millis);
                extend.setString(2, room.value());
                extend.setString(3, user.value());
                extend.setLong(4, millis);
                extend.executeUpdate();
            }
        } catch (SQLException failure) {
            throw new ChatStorageException("storing a room ban failed", failure);
        }
    }

    @Override
    public Optional<Instant> bannedUntil(RoomName room, UserId user, Instant now) {
        try (Connection connection = connections.open();
             PreparedStatement read = connection.prepareStatement(READ)) {
            read.setString(1, room.value());
            read.setString(2, user.value());
            try (ResultSet row = read.executeQuery()) {
                return row.next()
                        ? Optional.of(Instant.ofEpochMilli(row.getLong(1))).filter(until -> until.isAfter(now))
                        : Optional.empty();
            }
        } catch (SQLException failure) {
            throw new ChatStorageException("reading a room ban failed", failure);
        }
    }
}
