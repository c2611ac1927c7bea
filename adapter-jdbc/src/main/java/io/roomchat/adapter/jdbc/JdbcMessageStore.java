package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.port.out.HistorySlice;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Messages in one SQL table, plain JDBC, and each room's latest seq in {@code room_seqs}. Every write is one
 * transaction that first raises its room's seq, which locks the room's counter row until commit: writes of a room
 * take their seqs in commit order, and a refused write rolls its seq back. An insert is then one statement; an
 * edit locks its row, decides with the domain and updates. A page is one indexed query that reads one row more
 * than it returns to learn whether more lie beyond. A write returns once committed and told to the store's
 * {@link Durability} (on H2, appended to its write-ahead log); {@link #awaitDurable()} makes it durable.
 *
 * <p>Public and open for one reason: the PostgreSQL adapter runs the same SQL, replacing only how a room's seq is
 * raised ({@link #nextSeq}; H2 and PostgreSQL spell an update that returns its row differently) and how a new
 * message is stamped with it ({@link #stamped}).
 */
public class JdbcMessageStore implements MessageStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS =
            "message_id, room, posted_at, modified_at, author, author_name, text, deleted, seq, deleted_by";

    private static final String INSERT = "INSERT INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_KEYED = "INSERT INTO messages (" + COLUMNS + ", client_message_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String RAISE_SEQ =
            "SELECT seq FROM FINAL TABLE (UPDATE room_seqs SET seq = seq + 1 WHERE room = ?)";
    private static final String FIRST_SEQ = "INSERT INTO room_seqs (room, seq) VALUES (?, 1)";
    private static final String LATEST_SEQ = "SELECT seq FROM room_seqs WHERE room = ?";
    private static final String BY_CLIENT_KEY =
            "SELECT " + COLUMNS + " FROM messages WHERE room = ? AND author = ? AND client_message_id = ?";
    // With the client key after the columns readAll reads: the log records an edited row whole (Durability).
    private static final String LOCK_BY_POSTED_AT = "SELECT " + COLUMNS + ", client_message_id FROM messages"
            + " WHERE room = ? AND posted_at = ? FOR UPDATE";
    private static final String LOCK_BY_ID = "SELECT " + COLUMNS + ", client_message_id FROM messages"
            + " WHERE room = ? AND message_id = ? FOR UPDATE";
    private static final String UPDATE =
            "UPDATE messages SET text = ?, modified_at = ?, deleted = ?, seq = ?, deleted_by = ? WHERE message_id = ?";
    // The ORDER BY names the room too, though it is fixed: only then does H2 walk the (room, posted_at) index in
    // order and stop after the page, instead of sorting every older (or newer) message of the room.
    static final String PAGE_BEFORE = "SELECT " + COLUMNS + " FROM messages WHERE room = ? AND posted_at < ?"
            + " ORDER BY room DESC, posted_at DESC FETCH FIRST ? ROWS ONLY";
    static final String PAGE_AFTER = "SELECT " + COLUMNS + " FROM messages WHERE room = ? AND posted_at > ?"
            + " ORDER BY room ASC, posted_at ASC FETCH FIRST ? ROWS ONLY";
    static final String PAGE_SINCE = "SELECT " + COLUMNS + " FROM messages WHERE room = ? AND seq > ?"
            + " ORDER BY room ASC, seq ASC FETCH FIRST ? ROWS ONLY";

    private final ConnectionSource connections;
    private final Durability durability;

    protected JdbcMessageStore(ConnectionSource connections, Durability durability) {
        this.connections = connections;
        this.durability = durability;
    }

    @Override
    public InsertOutcome insert(ChatMessage message) {
        try (Connection connection = connections.open()) {
            InsertOutcome outcome = inTransaction(connection, () -> {
                ChatMessage stored = stamped(connection, message);
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    bindRow(insert, stored);
                    insert.executeUpdate();
                    return new InsertOutcome.Stored(stored);
                } catch (SQLException failure) {
                    return refused(connection, failure);
                }
            });
            if (outcome instanceof InsertOutcome.Stored stored) {
                durability.committed(stored.message(), null);
            }
            return outcome;
        } catch (SQLException | IOException failure) {
            throw new ChatStorageException("storing a message failed", failure);
        }
    }

    /**
     * One insert: the unique index on {@code (room, author, client_message_id)} refuses a second message under
     * the key, whoever races. After any refusal the key decides: taken means a duplicate, else the time or id was.
     */
    @Override
    public InsertOutcome insert(ChatMessage message, ClientMessageId key) {
        try (Connection connection = connections.open()) {
            InsertOutcome outcome = inTransaction(connection, () -> {
                ChatMessage stored = stamped(connection, message);
                try {
                    insertRow(connection, new MessageRow(stored, key));
                    return new InsertOutcome.Stored(stored);
                } catch (SQLException failure) {
                    return refused(connection, failure);
                }
            });
            if (outcome instanceof InsertOutcome.Stored stored) {
                durability.committed(stored.message(), key);
                return outcome;
            }
            try (PreparedStatement query = connection.prepareStatement(BY_CLIENT_KEY)) {
                query.setString(1, message.room().value());
                query.setString(2, message.author().value());
                query.setString(3, key.value());
                List<ChatMessage> original = readAll(query);
                return original.isEmpty()
                        ? new InsertOutcome.Taken()
                        : new InsertOutcome.DuplicateOf(original.get(0));
            }
        } catch (SQLException | IOException failure) {
            throw new ChatStorageException("storing a message failed", failure);
        }
    }

    /** A unique key refused the row: roll back, giving the seq back, and answer taken; anything else throws. */
    private static InsertOutcome refused(Connection connection, SQLException failure) throws SQLException {
        if (!UNIQUE_VIOLATION.equals(failure.getSQLState())) {
            throw failure;
        }
        connection.rollback();
        return new InsertOutcome.Taken();
    }

    /**
     * A new message as it is to be stored: under the room's next seq ({@link #nextSeq}), taken in the caller's
     * transaction. A store may also move its postedAt later there (PostgreSQL does, to keep postedAt in seq order
     * across nodes); the caller stores and answers the message this returns.
     */
    protected ChatMessage stamped(Connection connection, ChatMessage message) throws SQLException {
        return message.withSeq(nextSeq(connection, message.room()));
    }

    /**
     * Raises the room's seq in the caller's transaction and returns it; the counter row stays locked until the
     * transaction ends, so the room's next writer waits for this one's commit (or rollback, which undoes it).
     */
    protected long nextSeq(Connection connection, RoomName room) throws SQLException {
        while (true) {
            try (PreparedStatement raise = connection.prepareStatement(RAISE_SEQ)) {
                raise.setString(1, room.value());
                try (ResultSet row = raise.executeQuery()) {
                    if (row.next()) {
                        return row.getLong(1);
                    }
                }
            }
            try (PreparedStatement first = connection.prepareStatement(FIRST_SEQ)) {
                first.setString(1, room.value());
                first.executeUpdate();
                return 1;
            } catch (SQLException failure) {
                if (!UNIQUE_VIOLATION.equals(failure.getSQLState())) {
                    throw failure;
                }
                // Another writer created the room's counter meanwhile: raise that one.
            }
        }
    }

    @Override
    public EditOutcome edit(RoomName room, MessageRef ref, UserId author, MessageChange change, Instant now) {
        try (Connection connection = connections.open()) {
            // The row as the edit left it, with its client key: told to the durability once committed, not before.
            MessageRow[] edited = new MessageRow[1];
            EditOutcome outcome = inTransaction(connection, () -> {
                long seq = nextSeq(connection, room);
                MessageRow row = lockRow(connection, room, ref);
                EditOutcome decided = EditOutcome.decide(row == null ? null : row.message(), author, change, now);
                if (decided instanceof EditOutcome.Edited changed) {
                    ChatMessage stored = changed.message().withSeq(seq);
                    update(connection, stored);
                    edited[0] = new MessageRow(stored, row.clientKey());
                    return new EditOutcome.Edited(stored);
                }
                connection.rollback();
                return decided;
            });
            if (edited[0] != null) {
                durability.committed(edited[0].message(), edited[0].clientKey());
            }
            return outcome;
        } catch (SQLException | IOException failure) {
            throw new ChatStorageException("changing a message failed", failure);
        }
    }

    @Override
    public void awaitDurable() {
        try {
            durability.awaitDurable();
        } catch (IOException failure) {
            throw new ChatStorageException("making messages durable failed", failure);
        }
    }

    @Override
    public HistorySlice page(RoomName room, HistoryCursor cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        boolean forward = cursor instanceof HistoryCursor.After || cursor instanceof HistoryCursor.Since;
        String sql = cursor instanceof HistoryCursor.Since ? PAGE_SINCE : forward ? PAGE_AFTER : PAGE_BEFORE;
        long bound;
        if (cursor instanceof HistoryCursor.Since since) {
            bound = since.seq();
        } else if (cursor instanceof HistoryCursor.After after) {
            bound = after.postedAt().toEpochMilli();
        } else if (cursor instanceof HistoryCursor.Before before) {
            bound = before.postedAt().toEpochMilli();
        } else {
            bound = Long.MAX_VALUE;
        }
        try (Connection connection = connections.open();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, room.value());
            query.setLong(2, bound);
            query.setInt(3, limit + 1);
            List<ChatMessage> rows = readAll(query);
            boolean hasMore = rows.size() > limit;
            List<ChatMessage> page = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
            if (!forward) {
                Collections.reverse(page);
            }
            return new HistorySlice(page, hasMore);
        } catch (SQLException failure) {
            throw new ChatStorageException("reading history failed", failure);
        }
    }

    @Override
    public long latestSeq(RoomName room) {
        try (Connection connection = connections.open();
             PreparedStatement query = connection.prepareStatement(LATEST_SEQ)) {
            query.setString(1, room.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException failure) {
            throw new ChatStorageException("reading the latest seq failed", failure);
        }
    }

    /** The message's row, locked until the transaction ends; null when there is none. */
    private static MessageRow lockRow(Connection connection, RoomName room, MessageRef ref) throws SQLException {
        boolean byPostedAt = ref instanceof MessageRef.ByPostedAt;
        try (PreparedStatement query = connection.prepareStatement(byPostedAt ? LOCK_BY_POSTED_AT : LOCK_BY_ID)) {
            query.setString(1, room.value());
            if (ref instanceof MessageRef.ByPostedAt at) {
                query.setLong(2, at.postedAt().toEpochMilli());
            } else {
                query.setString(2, ((MessageRef.ById) ref).id().value());
            }
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                String key = rows.getString(11);
                return new MessageRow(message(rows), key == null ? null : new ClientMessageId(key));
            }
        }
    }

    /** Inserts {@code row} as it is: every column, its seq and client key included (the log's replay). */
    static void insertRow(Connection connection, MessageRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_KEYED)) {
            bindRow(insert, row.message());
            if (row.clientKey() == null) {
                insert.setNull(11, Types.VARCHAR);
            } else {
                insert.setString(11, row.clientKey().value());
            }
            insert.executeUpdate();
        }
    }

    /** Writes what a change may change of a message's row: text, modifiedAt, deleted, seq and deleter. */
    static void update(Connection connection, ChatMessage changed) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            setText(update, 1, changed.text());
            update.setLong(2, changed.modifiedAt().toEpochMilli());
            update.setBoolean(3, changed.deleted());
            update.setLong(4, changed.seq());
            setDeleter(update, 5, changed);
            update.setString(6, changed.id().value());
            update.executeUpdate();
        }
    }

    private static void bindRow(PreparedStatement insert, ChatMessage message) throws SQLException {
        insert.setString(1, message.id().value());
        insert.setString(2, message.room().value());
        insert.setLong(3, message.postedAt().toEpochMilli());
        insert.setLong(4, message.modifiedAt().toEpochMilli());
        insert.setString(5, message.author().value());
        insert.setString(6, message.authorName().value());
        setText(insert, 7, message.text());
        insert.setBoolean(8, message.deleted());
        insert.setLong(9, message.seq());
        setDeleter(insert, 10, message);
    }

    private static void setDeleter(PreparedStatement statement, int index, ChatMessage message) throws SQLException {
        if (message.deletedBy() == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, message.deletedBy().value());
        }
    }

    private static void setText(PreparedStatement statement, int index, MessageText text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text.value());
        }
    }

    private static List<ChatMessage> readAll(PreparedStatement query) throws SQLException {
        List<ChatMessage> messages = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                messages.add(message(rows));
            }
        }
        return messages;
    }

    /** The message of the current row, whose first columns are {@link #COLUMNS}. */
    private static ChatMessage message(ResultSet rows) throws SQLException {
        String text = rows.getString(7);
        UserId author = new UserId(rows.getString(5));
        boolean deleted = rows.getBoolean(8);
        String deleter = rows.getString(10);
        return new ChatMessage(
                new MessageId(rows.getString(1)),
                new RoomName(rows.getString(2)),
                author,
                new DisplayName(rows.getString(6)),
                text == null ? null : new MessageText(text),
                Instant.ofEpochMilli(rows.getLong(3)),
                Instant.ofEpochMilli(rows.getLong(4)),
                deleted,
                rows.getLong(9),
                // Deleted before deleters were recorded, or by the previous build: by its author.
                !deleted ? null : deleter == null ? author : new UserId(deleter));
    }

    /** Work that reads and writes in one transaction. */
    @FunctionalInterface
    private interface TransactionWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    private static <T> T inTransaction(Connection connection, TransactionWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException failure) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
