package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.Limits;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One connection's outgoing frames, replies and events alike, in the order they were offered.
 *
 * <p>Offering only queues the frame; if no write of this connection is under way, the connection is handed to a
 * writer thread, which hands everything queued by then to Jetty as one batch (a fan-out {@linkplain #queue queues}
 * instead and hands its whole group of connections over at once, see {@link WriterHandoff}). A batch that Jetty
 * writes before the writer has left it sends the queue to the back of the writers' line, so one thread at a time
 * is inside the session, and the queue gathers the frames that arrive meanwhile. So the
 * thread that fans a message out to a room never writes to a socket itself (it holds the room's lock), and the
 * writes to a large room run on every core. A slow reader never blocks anyone: its write completes later, and
 * its next batch waits for it.
 *
 * <p>The queue is bounded in frames and in bytes: an offer fails once {@link Limits#outboundQueueFrames()} frames
 * or {@link Limits#outboundQueueBytes()} bytes wait behind a write the client has not taken for a second, or four
 * times either in any case, and the caller drops the connection. A connection with nothing queued takes any one
 * frame, however large.
 *
 * <p>The base of {@link ClientConnection} rather than an object it holds: one object per socket instead of two
 * (an object header and two references less, 24 bytes per idle socket; docs/benchmarks.md). It shares the
 * connection's lock.
 *
 * <p>Pongs go through the queue too, at most one waiting: a newer ping's pong replaces it (RFC 6455 lets a pong
 * answer only the latest ping), so pings never pile answers up.
 */
abstract class OutboundQueue implements Runnable {
    private static final int HARD_CAP_FACTOR = 4;
    private static final long STALLED_WRITE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_GROUP_FRAMES = 8;
    private static final int MAX_GROUP_BYTES = 2048;

    /** The socket's session, which the connection's other calls use too. */
    final CoreSession session;
    private final Executor writers;
    /** The bounds, read from the limits every socket shares rather than copied into each (8 bytes less). */
    private final Limits bounds;
    /** The frames waiting, or null for none: an idle socket holds no list. */
    private List<ByteBuffer> pending;
    private long pendingBytes;
    private ByteBuffer pendingPong;
    private int writing;
    private long writingBytes;
    private long writeStartedNanos;
    private boolean scheduled;
    private boolean inTurn;
    private boolean writtenInTurn;
    private boolean refused;

    OutboundQueue(CoreSession session, Executor writers, Limits bounds) {
        this.session = session;
        this.writers = writers;
        this.bounds = bounds;
    }

    /**
     * Queues a text frame's UTF-8 payload behind the ones already waiting. The buffer is the queue's from now on;
     * its bytes may be shared with other connections' buffers (one event's), and are only read.
     *
     * @return false, queueing nothing, when the bound is reached or the queue was {@linkplain #refuse() refused}
     */
    boolean offer(ByteBuffer payload) {
        Queued queued = queue(payload);
        if (queued == Queued.NEEDS_WRITER) {
            writers.execute(this);
        }
        return queued != Queued.REFUSED;
    }

    /** What {@link #queue} did with a frame. */
    enum Queued {
        /** Queued behind a write already under way or scheduled. */
        BEHIND_WRITE,
        /** Queued; the caller must hand this queue to a writer thread ({@link #run()}). */
        NEEDS_WRITER,
        /** Not queued: the bound is reached or the queue was refused. */
        REFUSED
    }

    /** Like {@link #offer}, but leaves waking a writer to the caller, which may wake one for many queues. */
    Queued queue(ByteBuffer payload) {
        synchronized (this) {
            if (refused || isBehind(payload.remaining())) {
                return Queued.REFUSED;
            }
            if (pending == null) {
                pending = new ArrayList<>();
            }
            pending.add(payload);
            pendingBytes += payload.remaining();
            return schedule() ? Queued.NEEDS_WRITER : Queued.BEHIND_WRITE;
        }
    }

    /**
     * Queues the answer to a ping, in place of any pong still waiting. The payload (at most 125 bytes) is copied:
     * Jetty reuses its buffer once the ping is handled.
     */
    void offerPong(ByteBuffer pingPayload) {
        ByteBuffer copy = ByteBuffer.allocate(pingPayload.remaining()).put(pingPayload.slice()).flip();
        synchronized (this) {
            if (refused) {
                return;
            }
            pendingPong = copy;
            if (!schedule()) {
                return;
            }
        }
        writers.execute(this);
    }

    /** Under the lock: true when the caller must hand the queue to a writer (none has it yet). */
    private boolean schedule() {
        if (scheduled) {
            return false;
        }
        scheduled = true;
        return true;
    }

    /**
     * The client is too slow: more frames or bytes than the bounds wait behind a write it has not taken for a
     * while (the bytes counting the frame offered and the batch being written). Frames wait
     * here for a moment even for a fast client, because writes run on other threads than the frames' producers
     * (a burst of posts can outrun them), so the bound alone is not proof; a wider cap keeps memory bounded in
     * any case.
     */
    private boolean isBehind(int incomingBytes) {
        int waiting = pending == null ? 0 : pending.size();
        if (waiting == 0 && writing == 0) {
            return false;
        }
        long queuedBytes = pendingBytes + writingBytes + incomingBytes;
        int boundFrames = bounds.outboundQueueFrames();
        long boundBytes = bounds.outboundQueueBytes();
        if (waiting >= boundFrames * HARD_CAP_FACTOR || queuedBytes > boundBytes * HARD_CAP_FACTOR) {
            return true;
        }
        return writing > 0 && (waiting >= boundFrames || queuedBytes > boundBytes)
                && System.nanoTime() - writeStartedNanos > STALLED_WRITE_NANOS;
    }

    /** Stops taking frames and drops the waiting ones: the connection is being closed. */
    synchronized void refuse() {
        refused = true;
        pending = null;
        pendingBytes = 0;
        pendingPong = null;
    }

    /**
     * On a writer thread: hands everything queued to Jetty at once, small frames in groups that Jetty writes
     * with one system call each.
     */
    @Override
    public void run() {
        if (writeBatch()) {
            // Written before this thread left Jetty's session, and more waits: behind the other connections, so
            // that it gathers the frames still being fanned out, and so that no second writer enters the session.
            writers.execute(this);
        }
    }

    /**
     * True when the batch was written before this returned and more is queued: the caller hands the queue on.
     * While a turn lasts the queue stays scheduled, so no other writer takes it.
     */
    private boolean writeBatch() {
        List<ByteBuffer> batch;
        ByteBuffer pong;
        int count;
        synchronized (this) {
            if (refused || isEmpty()) {
                scheduled = false;
                return false;
            }
            inTurn = true;
            batch = pending == null ? List.of() : pending;
            pong = pendingPong;
            pending = null;
            pendingPong = null;
            count = batch.size() + (pong == null ? 0 : 1);
            writing = count;
            writingBytes = pendingBytes;
            pendingBytes = 0;
            writeStartedNanos = System.nanoTime();
        }
        Callback written = new BatchWritten(count);
        if (pong != null) {
            session.sendFrame(new Frame(OpCode.PONG, pong), written, false);
        }
        int last = batch.size() - 1;
        int grouped = 0;
        int groupBytes = 0;
        for (int i = 0; i <= last; i++) {
            ByteBuffer payload = batch.get(i);
            grouped++;
            groupBytes += payload.remaining();
            // Small frames go out in groups: Jetty holds a batched frame in its buffer until an unbatched one
            // flushes the group in one write. Groups stay within Jetty's gather limit and buffer.
            boolean more = i < last && grouped < MAX_GROUP_FRAMES
                    && groupBytes + batch.get(i + 1).remaining() <= MAX_GROUP_BYTES;
            session.sendFrame(new Frame(OpCode.TEXT, payload), written, more);
            if (!more) {
                grouped = 0;
                groupBytes = 0;
            }
        }
        synchronized (this) {
            inTurn = false;
            if (!writtenInTurn) {
                return false; // still being written: its completion goes on
            }
            writtenInTurn = false;
            if (refused || isEmpty()) {
                scheduled = false;
                return false;
            }
            return true;
        }
    }

    /** Counts a batch's frames out; the last one written lets the next batch go. */
    private final class BatchWritten implements Callback {
        private final AtomicInteger remaining;

        BatchWritten(int frames) {
            this.remaining = new AtomicInteger(frames);
        }

        @Override
        public void succeeded() {
            if (remaining.decrementAndGet() == 0) {
                written();
            }
        }

        @Override
        public void failed(Throwable cause) {
            OutboundQueue.this.failed(cause);
        }
    }

    private boolean isEmpty() {
        return pending == null && pendingPong == null;
    }

    private void written() {
        synchronized (this) {
            writing = 0;
            writingBytes = 0;
            if (inTurn) {
                // The writer that handed this batch over is still in the session: it hands the queue on as it leaves.
                writtenInTurn = true;
                return;
            }
            if (refused || isEmpty()) {
                scheduled = false;
                return;
            }
        }
        writers.execute(this);
    }

    private void failed(Throwable cause) {
        // A write failed: the socket is broken. Jetty reports the close to the endpoint, which cleans up.
        refuse();
        session.abort();
    }
}
