package io.roomchat.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes the database's committed writes survive a crash of the process or of the machine.
 *
 * <p>An H2 commit alone does not: the MVStore keeps committed changes in memory and its background writer puts
 * them in the file up to {@code WRITE_DELAY} (500 ms) later, without fsync. {@code WRITE_DELAY=0} is not enough
 * either: a commit then only <em>tries</em> to write, and skips when another thread is writing. So a write is
 * made durable by {@code CHECKPOINT SYNC}, which stores every committed change (waiting for a concurrent store)
 * and forces the file to the device, as a database that syncs on commit does. Writers wait for it after their
 * commit and outside any lock, so that many of them share one checkpoint ({@link GroupSync}): its cost (a chunk
 * write and an fsync, milliseconds) is paid per batch, not per message.
 */
@FunctionalInterface
public interface Durability {

    /** Returns once every commit that finished before the call is durable. */
    void awaitDurable() throws SQLException;

    /** For a database whose commit is durable itself (PostgreSQL syncs its log on commit): nothing to wait for. */
    static Durability atCommit() {
        return () -> { };
    }

    /**
     * Durable writes for an H2 database: each checkpoint covers every write committed before it starts, and is
     * reported to {@code observer} once done.
     */
    static Durability syncToDisk(ConnectionSource connections, SyncObserver observer) {
        return new GroupSync(() -> {
            try (Connection connection = connections.open(); Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT SYNC");
            }
        }, observer);
    }
}
