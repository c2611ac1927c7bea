package io.roomchat.adapter.jetty;

import java.util.ArrayDeque;
import java.util.Queue;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connection's outgoing frames, replies and events alike, in the order they were offered. A single writer
 * sends one frame at a time with Jetty's asynchronous callbacks, so a slow reader never blocks the thread that
 * offers (a fan-out to its room). The queue is bounded: an offer past the bound fails, and the caller drops the
 * connection.
 */
final class OutboundQueue extends IteratingCallback {
    private final Session session;
    private final int bound;
    private final Queue<String> pending = new ArrayDeque<>();
    private boolean refused;

    OutboundQueue(Session session, int bound) {
        this.session = session;
        this.bound = bound;
    }

    /**
     * Queues a frame behind the ones already waiting.
     *
     * @return false, queueing nothing, when the bound is reached or the queue was {@linkplain #refuse() refused}
     */
    boolean offer(String text) {
        synchronized (this) {
            if (refused || pending.size() >= bound) {
                return false;
            }
            pending.add(text);
        }
        iterate();
        return true;
    }

    /** Stops taking frames and drops the waiting ones: the connection is being closed. */
    synchronized void refuse() {
        refused = true;
        pending.clear();
    }

    synchronized int size() {
        return pending.size();
    }

    @Override
    protected Action process() {
        String next;
        synchronized (this) {
            next = pending.poll();
        }
        if (next == null) {
            return Action.IDLE;
        }
        session.sendText(next, Callback.from(this::succeeded, this::failed));
        return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        // A write failed: the socket is broken. Jetty reports the close to the endpoint, which cleans up.
        refuse();
        session.disconnect();
    }
}
