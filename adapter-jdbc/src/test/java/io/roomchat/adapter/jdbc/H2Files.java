package io.roomchat.adapter.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;

/** Plain JDBC access to a storage's database, behind the storage's back, as an operator's SQL console has. */
final class H2Files {
    private H2Files() {
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on the closed database in {@code dataDir}; the database closes again afterwards. */
    static <T> T withDatabase(Path dataDir, SqlWork<T> work) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("chat"), "chat", "")) {
            return work.run(connection);
        }
    }

    /** Runs {@code migrations} on the closed database in {@code dataDir}, as a storage's open does. */
    static int migrate(Path dataDir, SchemaMigrations migrations) {
        return migrations.migrate(dataSource(dataDir));
    }

    /** The closed database in {@code dataDir}, each connection opening it (and the last one closing it). */
    static JdbcDataSource dataSource(Path dataDir) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("chat"));
        database.setUser("chat");
        return database;
    }

    /** Runs {@code work} on the open in-memory database {@code name}. */
    static <T> T withMemoryDatabase(String name, SqlWork<T> work) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name, "chat", "")) {
            return work.run(connection);
        }
    }

    static int update(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }
}
