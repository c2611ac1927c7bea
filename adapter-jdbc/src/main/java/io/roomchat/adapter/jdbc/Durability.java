package io.roomchat.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a write does after its commit so that, once it returns, the write survives a crash of the process or of
 * the machine.
 *
 * <p>An H2 commit alone does not: the MVStore keeps committed changes in memory and its background writer puts
 * them in the file up to {@code WRITE_DELAY} (500 ms) later, without fsync. {@code WRITE_DELAY=0} is not enough
 * either: a commit then only <em>tries</em> to write, and skips when another thread is writing. So a write ends
 * with {@code CHECKPOINT SYNC}, which stores every committed change (waiting for a concurrent store) and forces
 * the file to the device, as a database that syncs on commit does. Concurrent writers share one checkpoint
 * ({@link GroupSync}), so the fsync cost (milliseconds) is paid per batch, not per message.
 */
@FunctionalInterface
interface Durability {

    void afterCommit(Connection connection) throws SQLException;

    /** Durable writes for an H2 database: each checkpoint covers every write committed before it starts. */
    static Durability syncToDisk() {
        return new GroupSync(connection -> {
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT SYNC");
            }
        });
    }
}
