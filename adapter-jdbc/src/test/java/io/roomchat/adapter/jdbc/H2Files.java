package io.roomchat.adapter.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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
