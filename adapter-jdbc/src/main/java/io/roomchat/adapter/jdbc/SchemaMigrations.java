package io.roomchat.adapter.jdbc;

import io.roomchat.core.port.out.ChatStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database's schema up to date at start: the scripts {@code V1__…sql}, {@code V2__…sql}, … (classpath
 * resources beside this class) run once each, in order, and {@code schema_version} records which ran. Starting
 * again runs nothing. A database newer than this build, or one whose history names other scripts, is refused.
 *
 * <p>H2 commits DDL as it runs it, so a script is not atomic: write each so that running it again after a
 * failure is harmless ({@code IF NOT EXISTS}), and keep one change per script.
 */
final class SchemaMigrations {
    /** The schema of this build, oldest first. Add a script here and beside it in {@code db/}; never edit one. */
    static final List<String> SCRIPTS = List.of("db/V1__messages.sql", "db/V2__client_message_ids.sql",
            "db/V3__sequence_numbers.sql", "db/V4__read_positions.sql");

    private static final Pattern SCRIPT_NAME = Pattern.compile("(?:.*/)?V(\\d+)__\\w+\\.sql");

    private record Migration(int version, String resource) {
        String name() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }
    }

    private final List<Migration> migrations;

    /** @param resources script paths relative to this class's package, versions 1, 2, 3… in order */
    SchemaMigrations(List<String> resources) {
        List<Migration> parsed = new ArrayList<>();
        for (String resource : resources) {
            Matcher name = SCRIPT_NAME.matcher(resource);
            if (!name.matches()) {
                throw new IllegalArgumentException("not a migration script name: " + resource);
            }
            int version = Integer.parseInt(name.group(1));
            if (version != parsed.size() + 1) {
                throw new IllegalArgumentException("migration " + resource + " should be version " + (parsed.size() + 1));
            }
            parsed.add(new Migration(version, resource));
        }
        this.migrations = List.copyOf(parsed);
    }

    static SchemaMigrations ofThisBuild() {
        return new SchemaMigrations(SCRIPTS);
    }

    /**
     * Runs the scripts the database has not seen yet.
     *
     * @return the schema version the database is now at
     */
    int migrate(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " script CHARACTER VARYING(255) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
            connection.commit();
            int current = checkHistory(applied(connection));
            for (Migration migration : migrations.subList(current, migrations.size())) {
                statement.execute(read(migration.resource()));
                record(connection, migration);
                connection.commit();
                current = migration.version();
            }
            return current;
        } catch (SQLException | RuntimeException failure) {
            connection.rollback();
            throw failure;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The version the recorded history ends at, once it is known to be a prefix of this build's scripts. */
    private int checkHistory(TreeMap<Integer, String> applied) {
        if (applied.isEmpty()) {
            return 0;
        }
        int newest = applied.lastKey();
        if (newest > migrations.size()) {
            throw new ChatStorageException("the database has schema version " + newest
                    + " but this build knows versions up to " + migrations.size() + "; use a newer build");
        }
        for (Migration migration : migrations.subList(0, newest)) {
            String recorded = applied.get(migration.version());
            if (!migration.name().equals(recorded)) {
                throw new ChatStorageException("schema version " + migration.version() + " of the database came from "
                        + recorded + ", not from " + migration.name() + " as in this build");
            }
        }
        return newest;
    }

    private static TreeMap<Integer, String> applied(Connection connection) throws SQLException {
        TreeMap<Integer, String> applied = new TreeMap<>();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT version, script FROM schema_version")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    private static void record(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.name());
            insert.executeUpdate();
        }
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + resource, e);
        }
    }
}
