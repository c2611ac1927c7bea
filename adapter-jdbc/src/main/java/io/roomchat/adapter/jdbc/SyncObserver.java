package io.roomchat.adapter.jdbc;

/**
 * Told of every sync of the H2 store's write-ahead log ({@code WriteAheadLog}), the syncs that make acknowledged
 * writes durable: how many writes it made durable and how long it took. For metrics: syncs per second and writes
 * per sync show how well the group sync batches, and the sync time shows what the disk costs. The checkpoints that
 * write H2's own file behind the log are not reported. Called on the writer thread that ran the sync, after it;
 * must be cheap and not throw.
 */
@FunctionalInterface
public interface SyncObserver {

    /**
     * @param writes the writers this sync made durable (each post, edit or delete that asked), at least 1
     * @param nanos  the sync's wall time: an fsync of the log
     */
    void synced(long writes, long nanos);

    static SyncObserver none() {
        return (writes, nanos) -> { };
    }
}
