package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRateLimiter;
import io.roomchat.core.domain.Limits;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One open socket as the server sees it: its session, its ordered, bounded outbound queue (the class it extends)
 * and its frame budget.
 */
final class ClientConnection extends OutboundQueue {
    private final ConnectionId id;
    /** Its frames' budget, from its open to its close (see {@link InMemoryFrameBudgets}). */
    private final FrameRateLimiter budget = new FrameRateLimiter();
    /** The token's {@code exp} (the record's own instant), or null for a token without one. */
    private final Instant tokenExpiry;
    /** A flag under this object's lock rather than an AtomicBoolean: 16 bytes less per socket. */
    private boolean dropped;
    private volatile long lastHeardNanos = System.nanoTime();

    ClientConnection(ConnectionId id, CoreSession session, Instant tokenExpiry, Executor writers, Limits limits) {
        super(session, writers, limits);
        this.id = id;
        this.tokenExpiry = tokenExpiry;
    }

    ConnectionId id() {
        return id;
    }

    FrameRateLimiter budget() {
        return budget;
    }

    /**
     * Queues a text frame's UTF-8 payload, which may share its bytes with other connections'; false means the
     * connection is too slow or closing and the frame was not queued.
     */
    boolean send(ByteBuffer payload) {
        return offer(payload);
    }

    /** The token's {@code exp} has come: from then on the socket may do nothing more and is closed. */
    boolean tokenExpiredAt(Instant now) {
        return tokenExpiry != null && !now.isBefore(tokenExpiry);
    }

    /** On a writer thread: writes what {@link #queue} left waiting. */
    void writeQueued() {
        run();
    }

    /** Anything arrived from the client (a frame or a pong): it is alive. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    long silentNanos(long now) {
        return now - lastHeardNanos;
    }

    void ping() {
        session.sendFrame(new Frame(OpCode.PING), Callback.NOOP, false);
    }

    /** Ready for the client's next frame: Jetty reads one frame at a time, each asked for. */
    void demand() {
        session.demand();
    }

    /** Answers a ping through the queue; a connection already closing answers nothing. */
    void pong(ByteBuffer pingPayload) {
        offerPong(pingPayload);
    }

    /**
     * Closes with {@code code}, dropping whatever is still queued. The close frame may never reach a client that
     * stopped reading, so the caller also schedules {@link #disconnect()}.
     *
     * @return false when the connection was already being dropped
     */
    boolean close(int code, String reason) {
        if (!dropFirst()) {
            return false;
        }
        refuse();
        session.close(code, reason, Callback.NOOP);
        return true;
    }

    /**
     * Drops the TCP connection without a close handshake; nothing happens to one already closed. Jetty's session
     * state cannot tell: a session whose close frame is stuck behind a write the client never takes counts as
     * closed, while its socket stays open.
     */
    void disconnect() {
        session.abort();
    }

    /** True for the first caller only (under the queue's lock, held only for this). */
    private synchronized boolean dropFirst() {
        boolean first = !dropped;
        dropped = true;
        return first;
    }
}
