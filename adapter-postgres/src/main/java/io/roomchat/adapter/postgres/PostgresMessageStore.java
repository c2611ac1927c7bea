package io.roomchat.adapter.postgres;

import io.roomchat.adapter.jdbc.ConnectionSource;
import io.roomchat.adapter.jdbc.Durability;
import io.roomchat.adapter.jdbc.JdbcMessageStore;
import io.roomchat.core.domain.RoomName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The JDBC adapter's message store on PostgreSQL: the same tables and statements, with the room's seq raised by
 * one upsert. Its row lock holds until the write's transaction ends, so writers of a room on every node (every
 * pool) take their seqs one after the other, in commit order; a refused or failed write rolls its seq back. A
 * commit is durable when it returns (PostgreSQL syncs its log on commit), so {@link #awaitDurable()} returns at once.
 */
final class PostgresMessageStore extends JdbcMessageStore {
    private static final String NEXT_SEQ = "INSERT INTO room_seqs (room, seq) VALUES (?, 1)"
            + " ON CONFLICT (room) DO UPDATE SET seq = room_seqs.seq + 1 RETURNING seq";

    PostgresMessageStore(ConnectionSource connections) {
        super(connections, Durability.atCommit());
    }

    @Override
    protected long nextSeq(Connection connection, RoomName room) throws SQLException {
        try (PreparedStatement raise = connection.prepareStatement(NEXT_SEQ)) {
            raise.setString(1, room.value());
            try (ResultSet row = raise.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
