package io.roomchat.adapter.jdbc;

import java.sql.SQLException;

/**
 * Group commit: writers that finish their commits while a sync runs wait for the next one, which one of them
 * runs for all. A sync covers every commit that finished before the sync started, so a writer counts as durable
 * once a sync that started after it asked has completed.
 */
final class GroupSync implements Durability {
    private final Durability sync;
    private final SyncObserver observer;
    private final Object lock = new Object();
    /** Writers that have asked so far; each takes the next number once its commit is done. */
    private long asked;
    /** Every writer numbered up to this is durable. */
    private long durable;
    private boolean syncing;

    GroupSync(Durability sync, SyncObserver observer) {
        this.sync = sync;
        this.observer = observer;
    }

    @Override
    public void awaitDurable() throws SQLException {
        long mine;
        long covering;
        synchronized (lock) {
            mine = ++asked;
            while (true) {
                if (durable >= mine) {
                    return;
                }
                if (!syncing) {
                    syncing = true;
                    covering = asked;
                    break;
                }
                waitForSync();
            }
        }
        boolean done = false;
        long covered = 0;
        long started = System.nanoTime();
        long took;
        try {
            sync.awaitDurable();
            took = System.nanoTime() - started;
            done = true;
        } finally {
            synchronized (lock) {
                syncing = false;
                if (done) {
                    covered = covering - durable;
                    durable = covering;
                }
                // On failure a waiting writer takes over and tries again; this one reports the failure.
                lock.notifyAll();
            }
        }
        // Reached only when the sync succeeded: a failure has been thrown by now.
        observer.synced(covered, took);
    }

    private void waitForSync() throws SQLException {
        try {
            lock.wait();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database to sync", interrupted);
        }
    }
}
