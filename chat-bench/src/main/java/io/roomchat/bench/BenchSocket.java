package io.roomchat.bench;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One simulated client. It joins its room, posts when the pacer says so and types when the typist says so, matches
 * each reply to its frame (replies come in the order the frames were sent, docs/protocol.md) and hands every event
 * to its {@link Receiver}. A latecomer (a join storm's) only listens. Public only because Jetty calls it
 * reflectively.
 */
public final class BenchSocket implements Session.Listener.AutoDemanding {
    private final Room room;
    private final int member;
    private final String name;
    private final Receiver receiver;
    private final LoadStats stats;
    private final BenchProtocol protocol;
    /** Frames waiting for their reply, in the order sent; guarded by itself, which also orders the sends. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Session session;
    private volatile boolean leaving;
    private volatile int firstOwedIndex;
    private volatile int sizeBeforeJoin = -1;
    private int seq;

    /** A frame waiting for its reply: a post's message index, or {@link #TYPING}. */
    private record Pending(int index, long sentNanos) {
    }

    private static final int TYPING = -1;

    private BenchSocket(Room room, String name, int member, int roomSize, LoadStats stats, BenchProtocol protocol) {
        this.room = room;
        this.protocol = protocol;
        this.name = name;
        this.member = member;
        this.receiver = new Receiver(roomSize);
        this.stats = stats;
    }

    /** A member of the fleet, in its room from the start: it posts and types. */
    static BenchSocket member(Room room, String name, int roomSize, LoadStats stats, BenchProtocol protocol) {
        BenchSocket socket = new BenchSocket(room, name, room.members().size(), roomSize, stats, protocol);
        room.add(socket);
        return socket;
    }

    /** A listener joining while the run goes on (a join storm's): it receives and never posts. */
    static BenchSocket latecomer(Room room, String name, int roomSize, LoadStats stats, BenchProtocol protocol) {
        BenchSocket socket = new BenchSocket(room, name, -1, roomSize, stats, protocol);
        room.addLatecomer(socket);
        return socket;
    }

    String name() {
        return name;
    }

    /** The first message index owed to this connection: every post sent after its join reply arrived. */
    int firstOwedIndex() {
        return firstOwedIndex;
    }

    /**
     * The room's largest member count known (from join replies) when this connection sent its join, or -1 before;
     * with nobody leaving, the room held more than that many users once this connection's user was in.
     */
    int sizeBeforeJoin() {
        return sizeBeforeJoin;
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
        sizeBeforeJoin = room.largestMemberCount();
        session.sendText(BenchText.joinFrame(room.name(), name), Callback.from(() -> { },
                joined::completeExceptionally));
        return joined;
    }

    /** Posts the next message of this sender; only the pacer thread calls it. */
    void post(int index, int size) {
        long sent = System.nanoTime();
        String text = BenchText.text(new BenchText.Stamp(index, member, seq++, sent), size);
        stats.posted();
        send(new Pending(index, sent), BenchText.postFrame(room.name(), text));
    }

    /** Says the user is typing in the room (v2); only the typist thread calls it. */
    void type() {
        stats.typed();
        send(new Pending(TYPING, System.nanoTime()), BenchText.typingFrame(room.name()));
    }

    /** Queues the frame's reply slot and sends it in one step, so that two threads' frames keep their order. */
    private void send(Pending waiting, String frame) {
        synchronized (pending) {
            pending.add(waiting);
            session.sendText(frame, Callback.from(() -> { }, failure -> stats.sendFailed()));
        }
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
            replied(status, frame, now);
            return;
        }
        BenchText.Stamp stamp = BenchText.read(frame);
        if (stamp == null) {
            String type = protocol.eventType(frame);
            if (type == null) {
                stats.foreignFrame();
            } else {
                stats.event(type);
                stats.presence().received(type, frame);
            }
            return;
        }
        stats.delivered(stamp, now, receiver.accept(stamp));
    }

    private void replied(int status, String frame, long now) {
        if (!joined.isDone()) {
            if (status == 200) {
                // Before completing: a post whose index the pacer takes from now on is sent after this reply.
                firstOwedIndex = room.peekNextIndex();
                long memberCount = BenchText.numberField(frame, "memberCount");
                if (memberCount > 0) {
                    room.memberCountSeen((int) Math.min(Integer.MAX_VALUE, memberCount));
                }
                joined.complete(null);
            } else {
                joined.completeExceptionally(new IllegalStateException("join refused with " + status));
            }
            return;
        }
        Pending answered;
        synchronized (pending) {
            answered = pending.poll();
        }
        if (answered == null) {
            stats.foreignFrame();
        } else if (answered.index() == TYPING) {
            stats.typingAnswered(status);
        } else if (status == 200) {
            room.acknowledged(answered.index());
            stats.acknowledged(answered.sentNanos(), now);
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
