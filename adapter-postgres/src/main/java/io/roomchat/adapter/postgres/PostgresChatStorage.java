package io.roomchat.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roomchat.adapter.jdbc.JdbcRoomBans;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.core.port.out.RoomBans;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The storage many self-hosted nodes share: a PostgreSQL database behind a HikariCP pool, its schema brought up
 * to date on open by Flyway ({@code db/migration/postgres}). Every node opens its own; they agree through the
 * database alone. Close it on shutdown to give the pool's connections back.
 *
 * <pre>{@code
 * PostgresChatStorage storage = PostgresChatStorage.builder()
 *         .url("jdbc:postgresql://db.internal:5432/chat").user("chat").password(secret).build();
 * }</pre>
 */
public final class PostgresChatStorage implements AutoCloseable {
    private static final int VALIDITY_SECONDS = 2;
    private final HikariDataSource pool;
    private final String database;
    private final PostgresMessageStore messages;
    private final PostgresReadPositions readPositions;
    private final JdbcRoomBans roomBans;

    private PostgresChatStorage(HikariDataSource pool, String database) {
        this.pool = pool;
        this.database = database;
        this.messages = new PostgresMessageStore(this::connection);
        this.readPositions = new PostgresReadPositions(this::connection);
        this.roomBans = new JdbcRoomBans(this::connection);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The message store on this database; every call fails with {@link ChatStorageException} once closed. */
    public MessageStore messageStore() {
        return messages;
    }

    /** The read positions on this database; every call fails with {@link ChatStorageException} once closed. */
    public ReadPositions readPositions() {
        return readPositions;
    }

    /** The room bans on this database, which every node shares; every call fails once closed. */
    public RoomBans roomBans() {
        return roomBans;
    }

    /** The database's URL without its parameters, which may carry a password: fit for logs. */
    public String database() {
        return database;
    }

    /**
     * Whether the database answers now: a connection from the pool that passes a validity check. While the database
     * is down this waits up to the connection timeout before it says no.
     */
    public boolean isReachable() {
        try (Connection connection = connection()) {
            return connection.isValid(VALIDITY_SECONDS);
        } catch (SQLException | ChatStorageException unreachable) {
            return false;
        }
    }

    /** Closes the pool's connections. Idempotent. */
    @Override
    public void close() {
        pool.close();
    }

    private Connection connection() throws SQLException {
        if (pool.isClosed()) {
            throw new ChatStorageException("the chat storage is closed");
        }
        return pool.getConnection();
    }

    /** Where the database is and how to log in; {@link #url} is required. */
    public static final class Builder {
        private static final String URL_PREFIX = "jdbc:postgresql://";
        private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

        private String url;
        private String user;
        private String password;
        private int poolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * A {@code jdbc:postgresql://host[:port]/database} URL.
         *
         * @throws IllegalArgumentException for a URL of another kind (a setting to fix, unlike a database that does
         *                                  not answer)
         */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith(URL_PREFIX)) {
                throw new IllegalArgumentException("the database URL must start with " + URL_PREFIX);
            }
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** How many connections this node keeps at most; default 10. */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be positive");
            }
            this.poolSize = poolSize;
            return this;
        }

        /**
         * How long a call waits for a connection before it fails (the database unreachable, or every connection
         * busy); default 5 s. A post then fails with {@link ChatStorageException}, having stored nothing.
         */
        public Builder connectionTimeout(Duration connectionTimeout) {
            if (connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout must be at least 250 ms");
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /**
         * Connects, and migrates the schema to this build's.
         *
         * @throws ChatStorageException when the database cannot be reached or refuses the login, or when its schema
         *                              cannot be migrated
         * @throws IllegalStateException when no URL was given
         */
        public PostgresChatStorage build() {
            if (url == null) {
                throw new IllegalStateException("no database URL given");
            }
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(config());
            } catch (RuntimeException unreachable) {
                throw new ChatStorageException("cannot connect to the PostgreSQL database at " + where() + ": "
                        + reason(unreachable), unreachable);
            }
            try {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration/postgres")
                        .load().migrate();
            } catch (FlywayException failed) {
                pool.close();
                throw new ChatStorageException("cannot migrate the chat schema of the PostgreSQL database at "
                        + where() + ": " + reason(failed), failed);
            }
            return new PostgresChatStorage(pool, where());
        }

        private HikariConfig config() {
            HikariConfig config = new HikariConfig();
            config.setPoolName("roomchat-postgres");
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(poolSize);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            // A database host that vanishes mid-call (no RST, no FIN) would otherwise hold the call forever.
            config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toSeconds()));
            return config;
        }

        /** The URL without its parameters, which may carry a password. */
        private String where() {
            int parameters = url.indexOf('?');
            return parameters < 0 ? url : url.substring(0, parameters);
        }

        /** The driver's own words (refused, no such database, bad password) when it has any, else the failure's. */
        private static String reason(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException) {
                    return cause.getMessage();
                }
            }
            return failure.getMessage();
        }
    }
}
