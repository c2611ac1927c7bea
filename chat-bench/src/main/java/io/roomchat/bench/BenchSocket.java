package io.roomchat.bench;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One simulated client. It joins its room, posts when the pacer says so, matches each reply to its post (replies
 * come in the order the frames were sent, docs/protocol.md) and hands every event to its {@link Receiver}. Public only
 * because Jetty calls it reflectively.
 */
public final class BenchSocket implements Session.Listener.AutoDemanding {
    private final Room room;
    private final int member;
    private final String name;
    private final Receiver receiver;
    private final LoadStats stats;
    private final BenchProtocol protocol;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Session session;
    private volatile boolean leaving;
    private int seq;

    /** A post waiting for its reply. */
    private record Pending(int index, long sentNanos) {
    }

    BenchSocket(Room room, String name, int roomSize, LoadStats stats, BenchProtocol protocol) {
        this.room = room;
        this.protocol = protocol;
        this.name = name;
        this.member = room.add(this);
        this.receiver = new Receiver(roomSize);
        this.stats = stats;
    }

    Receiver receiver() {
        return receiver;
    }

    /** Whether the server accepted this connection's join. */
    boolean hasJoined() {
        return joined.isDone() && !joined.isCompletedExceptionally();
    }

    /** Joined and still open: may post. */
    boolean canPost() {
        return hasJoined() && isOpen();
    }

    boolean isOpen() {
        Session current = session;
        return current != null && current.isOpen() && !closed.isDone();
    }

    /** Sends the join; the future completes on its 200 reply. */
    CompletableFuture<Void> join() {
        session.sendText(BenchText.joinFrame(room.name(), name), Callback.from(() -> { },
                joined::completeExceptionally));
        return joined;
    }

    /** Posts the next message of this sender; only the pacer thread calls it. */
    void post(int index, int size) {
        long sent = System.nanoTime();
        String text = BenchText.text(new BenchText.Stamp(index, member, seq++, sent), size);
        synchronized (pending) {
            pending.add(new Pending(index, sent));
        }
        stats.posted();
        session.sendText(BenchText.postFrame(room.name(), text), Callback.from(() -> { }, failure -> stats.sendFailed()));
    }

    /** Closes normally; the future completes when the server has answered the close. */
    CompletableFuture<Void> leave() {
        leaving = true;
        Session current = session;
        if (current == null || !current.isOpen()) {
            closed.complete(null);
        } else {
            current.close(1000, "benchmark done", Callback.NOOP);
        }
        return closed;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
    }

    /**
     * Replies and events. (Reading raw frames through {@code onWebSocketFrame} instead would spare a String per
     * delivery, but Jetty 12 stops delivering to such a listener when several frames arrive in one read.)
     */
    @Override
    public void onWebSocketText(String frame) {
        long now = System.nanoTime();
        int status = protocol.replyStatus(frame);
        if (status >= 0) {
            replied(status, now);
            return;
        }
        BenchText.Stamp stamp = BenchText.read(frame);
        if (stamp == null) {
            String type = protocol.eventType(frame);
            if (type == null) {
                stats.foreignFrame();
            } else {
                stats.event(type);
            }
            return;
        }
        stats.delivered(stamp, now, receiver.accept(stamp));
    }

    private void replied(int status, long now) {
        if (!joined.isDone()) {
            if (status == 200) {
                joined.complete(null);
            } else {
                joined.completeExceptionally(new IllegalStateException("join refused with " + status));
            }
            return;
        }
        Pending post;
        synchronized (pending) {
            post = pending.poll();
        }
        if (post == null) {
            stats.foreignFrame();
        } else if (status == 200) {
            room.acknowledged(post.index());
            stats.acknowledged(post.sentNanos(), now);
        } else {
            stats.refused(status);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        if (!leaving) {
            stats.closedDuringRun(statusCode);
        }
        joined.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        closed.complete(null);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed.complete(null);
    }
}
