package io.roomchat.adapter.jdbc;

import io.roomchat.core.port.out.ChatStorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Brings an H2 database's schema up to date at start with Flyway: the scripts {@code V1__…sql}, {@code V2__…sql},
 * … in {@code db/} beside this class, recorded in {@code flyway_schema_history}, as the PostgreSQL adapter does.
 * A database newer than this build starts anyway (Flyway ignores migrations it does not know), so each new script
 * must keep the previous build working.
 *
 * <p>Releases before Flyway recorded their versions in a table of their own, {@code schema_version} (version,
 * script). Such a database is converted once: its history must be a prefix of {@link #BEFORE_FLYWAY}, Flyway's
 * history starts as a baseline at its newest version, and the old table goes; the scripts after it then run as
 * for any database. A history that names other scripts is refused and left as it was.
 *
 * <p>H2 commits DDL as it runs it, so a script is not atomic: write each so that running it again after a
 * failure is harmless ({@code IF NOT EXISTS}), and keep one change per script.
 */
final class SchemaMigrations {
    static final String THIS_BUILD = "classpath:io/roomchat/adapter/jdbc/db";
    /** The scripts the runner before Flyway knew, by version; those databases can only be at one of these. */
    static final List<String> BEFORE_FLYWAY = List.of("V1__messages.sql", "V2__client_message_ids.sql",
            "V3__sequence_numbers.sql", "V4__read_positions.sql");
    private static final String OLD_HISTORY = "SCHEMA_VERSION";

    private final String[] locations;

    /** @param locations Flyway locations of the scripts, e.g. {@link #THIS_BUILD} */
    SchemaMigrations(String... locations) {
        this.locations = locations.clone();
    }

    static SchemaMigrations ofThisBuild() {
        return new SchemaMigrations(THIS_BUILD);
    }

    /**
     * Converts a database of the release before Flyway, then runs the scripts it has not seen yet.
     *
     * @return the schema version the database is now at (0 for none)
     * @throws ChatStorageException when the history does not match this build's scripts or a script fails
     */
    int migrate(DataSource database) {
        Flyway flyway = Flyway.configure().dataSource(database).locations(locations).load();
        try {
            convertOldHistory(database, flyway);
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
        } catch (FlywayException failed) {
            throw new ChatStorageException("cannot migrate the schema: " + failed.getMessage(), failed);
        }
    }

    private static void convertOldHistory(DataSource database, Flyway flyway) {
        try (Connection connection = database.getConnection()) {
            if (!hasTable(connection, OLD_HISTORY)) {
                return;
            }
            // A conversion that stopped after the baseline left the old table behind: Flyway's history rules.
            if (flyway.info().applied().length == 0) {
                int version = checkedVersion(oldHistory(connection));
                Flyway.configure().configuration(flyway.getConfiguration())
                        .baselineVersion(String.valueOf(version))
                        .baselineDescription("converted from schema_version").load().baseline();
            }
            try (Statement drop = connection.createStatement()) {
                drop.execute("DROP TABLE " + OLD_HISTORY);
            }
        } catch (SQLException failure) {
            throw new ChatStorageException("cannot read the schema history", failure);
        }
    }

    /** The version the old history ends at, once it is known to be a prefix of {@link #BEFORE_FLYWAY}. */
    private static int checkedVersion(TreeMap<Integer, String> applied) {
        if (applied.isEmpty()) {
            return 0;
        }
        int newest = applied.lastKey();
        if (newest > BEFORE_FLYWAY.size()) {
            throw new ChatStorageException("the database has schema version " + newest + " in schema_version, which"
                    + " no release wrote; this build converts versions up to " + BEFORE_FLYWAY.size());
        }
        for (int version = 1; version <= newest; version++) {
            String recorded = applied.get(version);
            String expected = BEFORE_FLYWAY.get(version - 1);
            if (!expected.equals(recorded)) {
                throw new ChatStorageException("schema version " + version + " of the database came from "
                        + recorded + ", not from " + expected + " as in this build");
            }
        }
        return newest;
    }

    private static TreeMap<Integer, String> oldHistory(Connection connection) throws SQLException {
        TreeMap<Integer, String> applied = new TreeMap<>();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT version, script FROM " + OLD_HISTORY)) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, connection.getSchema(), table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
