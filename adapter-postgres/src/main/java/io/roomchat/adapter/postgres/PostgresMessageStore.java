package io.roomchat.adapter.postgres;

import io.roomchat.adapter.jdbc.ConnectionSource;
import io.roomchat.adapter.jdbc.Durability;
import io.roomchat.adapter.jdbc.JdbcMessageStore;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.RoomName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The JDBC adapter's message store on PostgreSQL: the same tables and statements, with the room's seq raised by
 * one upsert. Its row lock holds until the write's transaction ends, so writers of a room on every node (every
 * pool) take their seqs one after the other, in commit order; a refused or failed write rolls its seq back. A new
 * message's postedAt is stamped by the same upsert, under the same lock: its proposed time, or one millisecond
 * after the room's newest if that is later; so within a room postedAt order is seq order whichever node posts, and
 * no two new messages of a room share a millisecond. A commit is durable when it returns (PostgreSQL syncs its log
 * on commit), so {@link #awaitDurable()} returns at once.
 */
final class PostgresMessageStore extends JdbcMessageStore {
    private static final String NEXT_SEQ = "INSERT INTO room_seqs (room, seq) VALUES (?, 1)"
            + " ON CONFLICT (room) DO UPDATE SET seq = room_seqs.seq + 1 RETURNING seq";
    /** GREATEST ignores a NULL last_posted_at (a counter an edit created, or written by the previous build). */
    private static final String NEXT_SEQ_AND_STAMP = "INSERT INTO room_seqs (room, seq, last_posted_at)"
            + " VALUES (?, 1, ?) ON CONFLICT (room) DO UPDATE SET seq = room_seqs.seq + 1,"
            + " last_posted_at = GREATEST(EXCLUDED.last_posted_at, room_seqs.last_posted_at + 1)"
            + " RETURNING seq, last_posted_at";

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

    @Override
    protected ChatMessage stamped(Connection connection, ChatMessage message) throws SQLException {
        try (PreparedStatement raise = connection.prepareStatement(NEXT_SEQ_AND_STAMP)) {
            raise.setString(1, message.room().value());
            raise.setLong(2, message.postedAt().toEpochMilli());
            try (ResultSet row = raise.executeQuery()) {
                row.next();
                return postedAt(message, Instant.ofEpochMilli(row.getLong(2))).withSeq(row.getLong(1));
            }
        }
    }

    /** {@code message} at {@code postedAt}, its modifiedAt moved along if it would fall before. */
    private static ChatMessage postedAt(ChatMessage message, Instant postedAt) {
        if (postedAt.equals(message.postedAt())) {
            return message;
        }
        Instant modifiedAt = message.modifiedAt().isBefore(postedAt) ? postedAt : message.modifiedAt();
        return new ChatMessage(message.id(), message.room(), message.author(), message.authorName(), message.text(),
                postedAt, modifiedAt, message.deleted(), message.seq(), message.deletedBy());
    }
}
