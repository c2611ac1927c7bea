package io.roomchat.core.application;

import io.roomchat.core.domain.RoomName;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises store-then-publish per room, so that in one process every member of a room receives its events in
 * the same order, and that order is {@code postedAt} order. Striped: rooms share a fixed set of locks.
 */
final class RoomLocks {
    private static final int STRIPES = 256;

    private final ReentrantLock[] locks;

    private RoomLocks(ReentrantLock[] locks) {
        this.locks = locks;
    }

    static RoomLocks striped() {
        ReentrantLock[] locks = new ReentrantLock[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        return new RoomLocks(locks);
    }

    /** For bindings where order is not promised (serverless), so no lock is taken. */
    static RoomLocks none() {
        return new RoomLocks(null);
    }

    <T> T inOrder(RoomName room, Supplier<T> work) {
        if (locks == null) {
            return work.get();
        }
        ReentrantLock lock = locks[Math.floorMod(room.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
