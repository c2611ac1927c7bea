package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Replays the write-ahead log into the database at open, after the migrations and before the store serves: after a
 * crash H2's file may lack writes that were acknowledged, whose records are in the log (see {@link WriteAheadLog}).
 *
 * <p>Each record holds a message's whole row as one write committed it. A row that is absent is inserted; a row
 * present with a lower seq is updated to the record; a row with an equal or higher seq is left, as it already holds
 * that write or a later one. Then the room's counter is raised to at least the record's seq, so the next write
 * takes the next seq. The order of the records does not matter, within a room or across rooms: every change of a
 * room has its own seq and a row's latest change has the highest, so whatever the order the rows end as the
 * highest-seq record (or H2's newer row) says — which is also why replaying twice is replaying once, and a crash
 * during recovery, or between its checkpoint and its deletes, only replays again. Then {@code CHECKPOINT SYNC}
 * puts it all in H2's file, and the segments are deleted.
 */
final class LogRecovery {
    private static final String SEQ_OF = "SELECT seq FROM messages WHERE message_id = ?";
    private static final String RAISE_ROOM_SEQ = "UPDATE room_seqs SET seq = ? WHERE room = ? AND seq < ?";
    private static final String FIRST_ROOM_SEQ = "INSERT INTO room_seqs (room, seq)"
            + " SELECT CAST(? AS VARCHAR), CAST(? AS BIGINT) WHERE NOT EXISTS (SELECT 1 FROM room_seqs WHERE room = ?)";

    private LogRecovery() {
    }

    /**
     * Replays every segment in {@code dir}, checkpoints and deletes them; returns how many records it read.
     *
     * @throws IOException  when a segment cannot be read or deleted, or a record passes its checksum but holds no
     *                      row; nothing is deleted then
     * @throws SQLException when the database refuses a row or the checkpoint; nothing is deleted then
     */
    static int replay(Path dir, ConnectionSource connections, WriteAheadLog.Checkpoint checkpoint)
            throws IOException, SQLException {
        List<Path> segments = LogSegments.list(dir);
        if (segments.isEmpty()) {
            return 0;
        }
        int records = 0;
        // Each statement commits by itself: a replay interrupted half-way is finished by the next, as it is idempotent.
        try (Connection connection = connections.open()) {
            for (Path segment : segments) {
                for (MessageRow row : LogSegments.read(segment)) {
                    apply(connection, row);
                    records++;
                }
            }
        }
        checkpoint.run();
        for (Path segment : segments) {
            Files.delete(segment);
        }
        return records;
    }

    private static void apply(Connection connection, MessageRow row) throws SQLException {
        ChatMessage message = row.message();
        Long stored = seqOf(connection, message);
        if (stored == null) {
            JdbcMessageStore.insertRow(connection, row);
        } else if (stored < message.seq()) {
            JdbcMessageStore.update(connection, message);
        }
        try (PreparedStatement raise = connection.prepareStatement(RAISE_ROOM_SEQ)) {
            raise.setLong(1, message.seq());
            raise.setString(2, message.room().value());
            raise.setLong(3, message.seq());
            raise.executeUpdate();
        }
        try (PreparedStatement first = connection.prepareStatement(FIRST_ROOM_SEQ)) {
            first.setString(1, message.room().value());
            first.setLong(2, message.seq());
            first.setString(3, message.room().value());
            first.executeUpdate();
        }
    }

    private static Long seqOf(Connection connection, ChatMessage message) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SEQ_OF)) {
            query.setString(1, message.id().value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }
}
