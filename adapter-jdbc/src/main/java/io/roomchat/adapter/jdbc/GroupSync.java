package io.roomchat.adapter.jdbc;

import java.io.IOException;

/**
 * Group commit: writers that ask while a sync runs wait for the next one, which one of them runs for all. A sync
 * covers every write recorded before the sync started, so a writer counts as durable once a sync that started
 * after it asked has completed.
 */
final class GroupSync {
    /** One sync of the storage: returns once everything written before the call is on the device. */
    @FunctionalInterface
    interface Sync {
        void run() throws IOException;
    }

    private final Sync sync;
    private final SyncObserver observer;
    private final Object lock = new Object();
    /** Writers that have asked so far; each takes the next number once its write is recorded. */
    private long asked;
    /** Every writer numbered up to this is durable. */
    private long durable;
    private boolean syncing;

    GroupSync(Sync sync, SyncObserver observer) {
        this.sync = sync;
        this.observer = observer;
    }

    /** Returns once a sync that started after this call has completed. */
    void awaitDurable() throws IOException {
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
            sync.run();
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

    private void waitForSync() throws IOException {
        try {
            lock.wait();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the storage to sync", interrupted);
        }
    }
}
