package io.roomchat.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.core.port.out.RoomBans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The durable storage of the self-hosted server: an embedded H2 database, its schema brought up to date on
 * open by Flyway ({@link SchemaMigrations}), behind a HikariCP pool of connections. Open it once per process and
 * close it on shutdown; closing writes everything out and releases the database file.
 *
 * <p>HikariCP rather than H2's own pool: H2's pool hands out a new connection object per borrow, on which H2
 * parses every statement again, while a HikariCP borrow is the same H2 session, whose statement cache then
 * spares the parse (it was a sixth of H2's CPU per post, docs/benchmarks.md).
 */
public final class JdbcChatStorage implements AutoCloseable {
    /** Databases open in this process: H2 would share one between two opens, and the first close would end both. */
    private static final Set<String> OPEN = ConcurrentHashMap.newKeySet();
    private static final Pattern MEMORY_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String USER = "chat";
    /** The files of the database {@code chat}: its data, and the trace H2 writes (at least at every shutdown). */
    private static final List<String> DATABASE_FILES = List.of("chat.mv.db", "chat.trace.db");
    /**
     * {@code DB_CLOSE_ON_EXIT=FALSE}: the server closes the database itself, after its last write, rather than
     * H2's own shutdown hook racing it; a process that dies without closing loses nothing acknowledged, as every
     * write is in the synced write-ahead log before it is acknowledged ({@code WriteAheadLog}).
     * {@code LOCK_TIMEOUT}: how long an edit waits for a row another edit holds.
     */
    private static final String SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    private final String url;
    private final HikariDataSource pool;
    /** A connection of its own, outside the pool: it keeps the database open and shuts it down at close. */
    private final Connection keeper;
    /** The H2 file's write-ahead log; null for a database in memory. */
    private final WriteAheadLog log;
    private final JdbcMessageStore messages;
    private final JdbcReadPositions readPositions;
    private final JdbcRoomBans roomBans;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcChatStorage(String url, Connection keeper, HikariDataSource pool, WriteAheadLog log) {
        this.url = url;
        this.keeper = keeper;
        this.pool = pool;
        this.log = log;
        this.messages = new JdbcMessageStore(this::connection, log == null ? Durability.atCommit() : log);
        this.readPositions = new JdbcReadPositions(this::connection);
        this.roomBans = new JdbcRoomBans(this::connection);
    }

    /**
     * Opens (creating if needed) the database {@code chat.mv.db} in {@code dataDir}. The directory and the files
     * this creates are readable by the server's user only, where the file system has POSIX permissions.
     *
     * @throws ChatStorageException when the directory cannot be used, when another process or another storage
     *                              in this one has the database open, or when its schema history does not match
     *                              this build's scripts
     */
    public static JdbcChatStorage h2File(Path dataDir) {
        return h2File(dataDir, SyncObserver.none());
    }

    /**
     * As {@link #h2File(Path)}, telling {@code syncs} of every sync that makes writes durable (for metrics).
     *
     * @throws ChatStorageException as {@link #h2File(Path)}
     */
    public static JdbcChatStorage h2File(Path dataDir, SyncObserver syncs) {
        return h2File(dataDir, syncs, WriteAheadLog.Limits.DEFAULT);
    }

    /** As {@link #h2File(Path, SyncObserver)}, with the write-ahead log checkpointed and bounded by {@code limits}. */
    static JdbcChatStorage h2File(Path dataDir, SyncObserver syncs, WriteAheadLog.Limits limits) {
        Objects.requireNonNull(syncs, "syncs");
        Objects.requireNonNull(limits, "limits");
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            throw new ChatStorageException("the data directory must not contain ';': " + dir);
        }
        try {
            OwnerOnlyFiles.createDirectory(dir);
            for (String file : DATABASE_FILES) {
                OwnerOnlyFiles.createFile(dir.resolve(file));
            }
        } catch (IOException e) {
            throw new ChatStorageException("cannot create the data directory " + dir, e);
        }
        return open("jdbc:h2:file:" + dir.resolve("chat") + SETTINGS, "the chat database in " + dir,
                new LogSettings(dir, syncs, limits));
    }

    /** A database in this process's memory, gone when closed; for tests and demos. */
    public static JdbcChatStorage h2InMemory(String name) {
        if (!MEMORY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: 1-64 letters, digits, '-' or '_'");
        }
        return open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + SETTINGS, "the in-memory chat database " + name,
                null);
    }

    /** Where an H2 file's write-ahead log lives, who is told of its syncs, and its limits. */
    private record LogSettings(Path dir, SyncObserver syncs, WriteAheadLog.Limits limits) {
    }

    /**
     * Opens the database, migrates it and, for a file ({@code logSettings} not null), replays its write-ahead log
     * and starts a new one.
     */
    private static JdbcChatStorage open(String url, String description, LogSettings logSettings) {
        if (!OPEN.add(url)) {
            throw new ChatStorageException(description + " is already open in this process");
        }
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(url);
        database.setUser(USER);
        Connection keeper = null;
        HikariDataSource pool = null;
        WriteAheadLog log = null;
        try {
            keeper = database.getConnection();
            pool = new HikariDataSource(poolConfig(database));
            SchemaMigrations.ofThisBuild().migrate(pool);
            if (logSettings != null) {
                WriteAheadLog.Checkpoint checkpoint = checkpointOn(keeper);
                LogRecovery.replay(logSettings.dir(), pool::getConnection, checkpoint);
                log = WriteAheadLog.start(logSettings.dir(), checkpoint, logSettings.syncs(), logSettings.limits());
            }
        } catch (SQLException | IOException | RuntimeException failure) {
            if (pool != null) {
                pool.close();
            }
            closeQuietly(keeper, failure);
            OPEN.remove(url);
            throw openFailure(description, failure);
        }
        return new JdbcChatStorage(url, keeper, pool, log);
    }

    /**
     * {@code CHECKPOINT SYNC} on the keeper connection, outside the pool, so that writers holding every pooled
     * connection while they wait for room in a full log cannot keep the checkpoint that frees it from running.
     */
    private static WriteAheadLog.Checkpoint checkpointOn(Connection keeper) {
        return () -> {
            synchronized (keeper) {
                try (Statement checkpoint = keeper.createStatement()) {
                    checkpoint.execute("CHECKPOINT SYNC");
                }
            }
        };
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException closing) {
            failure.addSuppressed(closing);
        }
    }

    /** As many connections as H2's own pool had (10); borrowing waits at most its 30 s for one. */
    private static HikariConfig poolConfig(JdbcDataSource database) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("roomchat-h2");
        config.setDataSource(database);
        config.setMaximumPoolSize(10);
        return config;
    }

    private static RuntimeException openFailure(String description, Exception failure) {
        if (failure instanceof IOException) {
            return new ChatStorageException("cannot replay or start the write-ahead log of " + description, failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return new ChatStorageException(description + " is in use by another process (H2 holds a lock on"
                        + " its file): stop that process, or give this one another data directory", failure);
            }
        }
        if (failure instanceof ChatStorageException storage) {
            return new ChatStorageException(description + ": " + storage.getMessage(), storage);
        }
        return new ChatStorageException("cannot open " + description, failure);
    }

    /** The message store on this database; every call fails with {@link ChatStorageException} once closed. */
    public MessageStore messageStore() {
        return messages;
    }

    /** The read positions on this database; every call fails with {@link ChatStorageException} once closed. */
    public ReadPositions readPositions() {
        return readPositions;
    }

    /** The room bans on this database; every call fails with {@link ChatStorageException} once closed. */
    public RoomBans roomBans() {
        return roomBans;
    }

    /**
     * Writes everything out, closes the database and releases its file. Idempotent. The write-ahead log is
     * checkpointed and deleted first; if that fails, the database still shuts down, and the log is replayed at
     * the next open.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pool.close();
        IOException logFailure = null;
        if (log != null) {
            try {
                log.close();
            } catch (IOException failure) {
                logFailure = failure;
            }
        }
        try (keeper; Statement shutdown = keeper.createStatement()) {
            shutdown.execute("SHUTDOWN");
        } catch (SQLException e) {
            ChatStorageException failure = new ChatStorageException("closing the chat database failed", e);
            if (logFailure != null) {
                failure.addSuppressed(logFailure);
            }
            throw failure;
        } finally {
            OPEN.remove(url);
        }
        if (logFailure != null) {
            throw new ChatStorageException("closing the write-ahead log failed; it is replayed at the next open",
                    logFailure);
        }
    }

    private Connection connection() throws SQLException {
        if (closed.get()) {
            throw new ChatStorageException("the chat storage is closed");
        }
        try {
            return pool.getConnection();
        } catch (SQLException failure) {
            if (pool.isClosed()) {
                throw new ChatStorageException("the chat storage is closed", failure);
            }
            throw failure;
        }
    }
}
