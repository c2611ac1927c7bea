package io.roomchat.adapter.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a schema as the releases before Flyway did: their own migration runner ran {@code db/V1…sql} up to a
 * version, each script recorded in a table of its own, {@code schema_version}, created exactly as below.
 */
final class ReleaseBeforeFlyway {
    private ReleaseBeforeFlyway() {
    }

    /** Brings the database to {@code version} (1 to 4) the way that runner did; returns the version. */
    static int writeSchema(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " script CHARACTER VARYING(255) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
            for (int v = 1; v <= version; v++) {
                String script = SchemaMigrations.BEFORE_FLYWAY.get(v - 1);
                statement.execute(read("db/" + script));
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
                    record.setInt(1, v);
                    record.setString(2, script);
                    record.executeUpdate();
                }
            }
        }
        return version;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
