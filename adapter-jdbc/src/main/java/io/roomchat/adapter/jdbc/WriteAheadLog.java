package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The H2 store's durability: a write-ahead log of committed rows, in numbered segments next to the database file
 * ({@link LogSegments}), with H2's own pages written behind it.
 *
 * <p><b>A write</b> commits in H2, then appends its row here ({@link #committed}), then waits for a group fsync
 * of the log ({@link #awaitDurable}, shared by every writer that asks meanwhile: {@link GroupSync}). The record is
 * appended after its H2 commit and the write is acknowledged only after the fsync that covers the record: so every
 * acknowledged write is either in H2's file or in a synced record, and a record never holds a row H2 rolled back.
 *
 * <p><b>Behind</b>, about once a {@link Limits#period()} and whenever the current segment passes
 * {@link Limits#segmentBytes()}, a thread of its own rotates to a new segment (fsyncing the old one under the
 * append lock, so every writer whose record is in it is durable), runs {@code CHECKPOINT SYNC} (which covers every
 * H2 commit finished before it started, hence every record of the old segments) and deletes the old segments.
 * The same checkpoint makes read positions and bans durable, which never wait for a sync: at most about a period
 * after they are written. A client can make the log hold disk, so it is bounded: at {@link Limits#maxBytes()} a
 * writer waits for a checkpoint to free a segment, and fails after {@link Limits#fullWait()} (checkpoints are
 * failing then: the database cannot write its file).
 *
 * <p>Only the log's fsyncs are reported to the {@link SyncObserver}: they are what make acknowledged writes
 * durable. A failed append or fsync stops the log for good (a later fsync could report success over lost pages),
 * and every write fails from then on.
 */
final class WriteAheadLog implements Durability, AutoCloseable {
    /** H2's {@code CHECKPOINT SYNC}: every change committed before it is in the database file, on the device. */
    @FunctionalInterface
    interface Checkpoint {
        void run() throws SQLException;
    }

    /**
     * When the log is checkpointed and how much it may hold.
     *
     * @param period       the longest time between two checkpoints
     * @param segmentBytes a segment this large is rotated out and checkpointed at once
     * @param maxBytes     the most the log's segments may hold together (one record more when the log is empty)
     * @param fullWait     how long a writer waits for room in a full log before failing
     */
    record Limits(Duration period, long segmentBytes, long maxBytes, Duration fullWait) {
        /** A second between checkpoints, 4 MiB segments, at most 64 MiB (the server's writes in a good minute). */
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(1), 4L << 20, 64L << 20, Duration.ofSeconds(30));

        Limits {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(fullWait, "fullWait");
            if (period.isNegative() || period.isZero() || fullWait.isNegative()) {
                throw new IllegalArgumentException("period must be positive and fullWait not negative");
            }
            if (segmentBytes < 1 || maxBytes < 2 * segmentBytes) {
                throw new IllegalArgumentException("segments must hold a byte, and the log at least two segments");
            }
        }
    }

    private final Path dir;
    private final Checkpoint checkpoint;
    private final Limits limits;
    private final GroupSync syncs;
    private final Thread checkpointer;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a checkpoint is due before its period: the segment is full, a writer waits, or closing. */
    private final Condition due = lock.newCondition();
    /** Signalled when old segments are deleted, or the log closes or fails. */
    private final Condition shrunk = lock.newCondition();
    // Guarded by lock.
    private Segment current;
    /** Segments rotated out, fsynced and closed, waiting for a checkpoint to cover them. */
    private final List<Segment> retired = new ArrayList<>();
    private long retiredBytes;
    private boolean closed;
    /** What stopped the log, if anything did. */
    private IOException failure;
    /** The last checkpoint's failure while checkpoints fail; null once one succeeds. */
    private Exception checkpointFailure;
    private long appendedBytes;

    private WriteAheadLog(Path dir, Checkpoint checkpoint, SyncObserver observer, Limits limits, long firstNumber)
            throws IOException {
        this.dir = dir;
        this.checkpoint = checkpoint;
        this.limits = limits;
        this.syncs = new GroupSync(this::syncCurrent, observer);
        this.current = Segment.create(dir, firstNumber);
        this.checkpointer = new Thread(this::checkpointUntilClosed, "roomchat-h2-checkpoint");
        this.checkpointer.setDaemon(true);
    }

    /**
     * Starts a log in {@code dir}, which holds no segment ({@link LogRecovery} replays and deletes them), and its
     * checkpoint thread.
     */
    static WriteAheadLog start(Path dir, Checkpoint checkpoint, SyncObserver observer, Limits limits)
            throws IOException {
        List<Path> left = LogSegments.list(dir);
        if (!left.isEmpty()) {
            throw new IllegalStateException("the log's segments must be replayed first: " + left);
        }
        WriteAheadLog log = new WriteAheadLog(dir, checkpoint, observer, limits, 1);
        log.checkpointer.start();
        return log;
    }

    @Override
    public void committed(ChatMessage row, ClientMessageId clientKey) throws IOException {
        byte[] record = LogSegments.frame(new MessageRow(row, clientKey).encode());
        lock.lock();
        try {
            awaitRoom(record.length);
            try {
                current.append(record);
            } catch (IOException failed) {
                throw fail(failed);
            }
            appendedBytes += record.length;
            if (current.bytes >= limits.segmentBytes()) {
                due.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void awaitDurable() throws IOException {
        syncs.awaitDurable();
    }

    /** Bytes appended since the log started: records with their headers. */
    long appendedBytes() {
        lock.lock();
        try {
            return appendedBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Waits, holding the lock between waits, until the log may take {@code bytes} more; throws if it cannot. */
    private void awaitRoom(int bytes) throws IOException {
        long deadline = System.nanoTime() + limits.fullWait().toNanos();
        while (true) {
            checkUsable();
            long held = retiredBytes + current.bytes;
            if (held == 0 || held + bytes <= limits.maxBytes()) {
                return;
            }
            due.signal();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("the write-ahead log holds its limit of " + limits.maxBytes() + " bytes and no"
                        + " checkpoint freed any within " + limits.fullWait(), checkpointFailure);
            }
            try {
                shrunk.awaitNanos(left);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for room in the write-ahead log", interrupted);
            }
        }
    }

    private void checkUsable() throws IOException {
        if (failure != null) {
            throw new IOException("the write-ahead log stopped after a failed write or sync", failure);
        }
        if (closed) {
            throw new IOException("the write-ahead log is closed");
        }
    }

    /**
     * The group sync's action: fsyncs the current segment. Every record appended before this started is in it, or
     * in a segment that was fsynced under the append lock when it was rotated out.
     */
    private void syncCurrent() throws IOException {
        Segment segment;
        lock.lock();
        try {
            if (failure != null) {
                checkUsable();
            }
            segment = current;
        } finally {
            lock.unlock();
        }
        try {
            segment.sync();
        } catch (IOException failed) {
            lock.lock();
            try {
                throw fail(failed);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stops the log for good: after a failed write or fsync its file's state is unknown. Under the lock. */
    private IOException fail(IOException failed) {
        if (failure == null) {
            failure = failed;
        }
        shrunk.signalAll();
        return failed;
    }

    private void checkpointUntilClosed() {
        while (true) {
            List<Segment> covered;
            lock.lock();
            try {
                if (!awaitDue()) {
                    return;
                }
                covered = rotate();
            } catch (IOException failed) {
                checkpointFailure = failed;
                continue;
            } finally {
                lock.unlock();
            }
            checkpointAndDelete(covered);
        }
    }

    /**
     * Waits for the period, or less when a checkpoint is due sooner (a full segment, a writer waiting for room,
     * unless the last checkpoint failed: then the period, not a busy loop); false once the log is closed. Under the
     * lock.
     */
    private boolean awaitDue() {
        long left = limits.period().toNanos();
        while (!closed && failure == null && left > 0 && current.bytes < limits.segmentBytes()
                && (checkpointFailure != null || !lock.hasWaiters(shrunk))) {
            try {
                left = due.awaitNanos(left);
            } catch (InterruptedException interrupted) {
                return false;
            }
        }
        return !closed && failure == null;
    }

    /**
     * Retires the current segment when it holds records: fsynced (so every writer whose record is in it is durable)
     * and closed; new records go to a new segment. Returns every retired segment, which a checkpoint starting after
     * this covers. Under the lock.
     */
    private List<Segment> rotate() throws IOException {
        if (current.bytes > 0) {
            Segment next = Segment.create(dir, current.number() + 1);
            try {
                current.syncAndClose();
            } catch (IOException failed) {
                next.delete();
                throw fail(failed);
            }
            retired.add(current);
            retiredBytes += current.bytes;
            current = next;
        }
        return List.copyOf(retired);
    }

    /** Checkpoints H2, then deletes {@code covered}: each of their records was committed before it started. */
    private void checkpointAndDelete(List<Segment> covered) {
        try {
            checkpoint.run();
            for (Segment segment : covered) {
                segment.delete();
            }
            lock.lock();
            try {
                checkpointFailure = null;
                retired.removeAll(covered);
                retiredBytes -= covered.stream().mapToLong(segment -> segment.bytes).sum();
                shrunk.signalAll();
            } finally {
                lock.unlock();
            }
        } catch (SQLException | IOException | RuntimeException failed) {
            // The segments stay, and the next checkpoint covers them again; a full log fails writers with this.
            lock.lock();
            try {
                checkpointFailure = failed;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Stops checkpointing, fsyncs and closes the current segment, checkpoints H2 and deletes every segment. If the
     * last checkpoint fails the segments stay, to be replayed at the next open; the failure is thrown.
     */
    @Override
    public void close() throws IOException {
        List<Segment> covered;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            due.signalAll();
            shrunk.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            checkpointer.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the checkpoints", interrupted);
        }
        lock.lock();
        try {
            if (failure != null) {
                current.close();
                throw new IOException("the write-ahead log had stopped; its segments are kept", failure);
            }
            current.syncAndClose();
            covered = new ArrayList<>(retired);
            covered.add(current);
        } finally {
            lock.unlock();
        }
        try {
            checkpoint.run();
        } catch (SQLException failed) {
            throw new IOException("the last checkpoint failed; the log's segments are kept", failed);
        }
        for (Segment segment : covered) {
            segment.delete();
        }
    }

    /** One segment file: appended to under the log's lock, fsynced by any thread, closed only once fsynced. */
    private static final class Segment {
        private final Path path;
        /** Null once closed. */
        private RandomAccessFile file;
        /** Written under the log's lock. */
        private long bytes;

        private Segment(Path path, RandomAccessFile file) {
            this.path = path;
            this.file = file;
        }

        /**
         * A new empty segment, owner-only, its directory entry synced so that it is found after a crash. Written
         * through a {@link RandomAccessFile}, whose writes and fsync an interrupt of the writing thread does not
         * abort (a {@code FileChannel} would close itself under every other writer).
         */
        static Segment create(Path dir, long number) throws IOException {
            Path path = LogSegments.path(dir, number);
            if (Files.exists(path)) {
                throw new IOException("a log segment that should be new exists: " + path);
            }
            OwnerOnlyFiles.createFile(path);
            RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
            try {
                OwnerOnlyFiles.syncDirectory(dir);
            } catch (IOException failed) {
                file.close();
                throw failed;
            }
            return new Segment(path, file);
        }

        long number() {
            return LogSegments.number(path);
        }

        /** Appends {@code record}; a failure may leave part of it, so the caller stops the log. */
        void append(byte[] record) throws IOException {
            file.write(record);
            bytes += record.length;
        }

        /** Fsyncs what was appended so far; once closed, it was fsynced before, and this returns at once. */
        synchronized void sync() throws IOException {
            if (file != null) {
                file.getFD().sync();
            }
        }

        synchronized void syncAndClose() throws IOException {
            sync();
            close();
        }

        synchronized void close() throws IOException {
            if (file != null) {
                file.close();
                file = null;
            }
        }

        void delete() throws IOException {
            Files.deleteIfExists(path);
        }
    }
}
