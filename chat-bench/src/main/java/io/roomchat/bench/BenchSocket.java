package io.roomchat.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One simulated client. It joins its room, posts when the pacer says so and types when the typist says so, matches
 * each reply to its frame (replies come in the order the frames were sent, docs/protocol.md) and hands every event
 * to its {@link Receiver}. A latecomer (a join storm's) only listens.
 *
 * <p>It is a handler of Jetty's core WebSocket API, not of its endpoint API: a message event is read straight from
 * the frame's bytes ({@link FrameChars}), while the endpoint API would decode every frame into a String first
 * (then the generator's largest cost per delivery). Frames other than message events are decoded and read as text.
 */
final class BenchSocket implements FrameHandler {
    /** The largest message accepted from the server when it comes in fragments; past it the message is dropped. */
    static final int MAX_MESSAGE_BYTES = 1 << 20;

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
    private volatile CoreSession session;
    /** A fragmented message's bytes so far (the server sends whole frames; this is the rare other case). */
    private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
    private boolean fragmentsTooLarge;
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
        CoreSession current = session;
        return current != null && current.isOutputOpen() && !closed.isDone();
    }

    /** Sends the join; the future completes on its 200 reply. */
    CompletableFuture<Void> join() {
        sizeBeforeJoin = room.largestMemberCount();
        session.sendFrame(new Frame(OpCode.TEXT, BenchText.joinFrame(room.name(), name)), Callback.from(() -> { },
                joined::completeExceptionally), false);
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
            session.sendFrame(new Frame(OpCode.TEXT, frame), Callback.from(() -> { }, failure -> stats.sendFailed()),
                    false);
        }
    }

    /** Closes normally; the future completes when the server has answered the close. */
    CompletableFuture<Void> leave() {
        leaving = true;
        CoreSession current = session;
        if (current == null || !current.isOutputOpen()) {
            closed.complete(null);
        } else {
            current.close(1000, "benchmark done", Callback.NOOP);
        }
        return closed;
    }

    @Override
    public void onOpen(CoreSession opened, Callback callback) {
        this.session = opened;
        callback.succeeded();
        opened.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        long now = System.nanoTime();
        switch (frame.getOpCode()) {
            case OpCode.TEXT, OpCode.CONTINUATION -> received(frame, now);
            case OpCode.PING -> {
                // Answered before the next read, as any client must (RFC 6455 5.5.2).
                session.sendFrame(new Frame(OpCode.PONG).setPayload(BufferUtil.copy(frame.getPayload())),
                        Callback.from(() -> { }, failure -> { }), false);
            }
            default -> {
                // A close is answered by Jetty once this callback succeeds; pongs and binary frames carry nothing.
            }
        }
        callback.succeeded();
        if (frame.getOpCode() != OpCode.CLOSE) {
            session.demand();
        }
    }

    /** A text frame, whole or a fragment of one message. */
    private void received(Frame frame, long now) {
        ByteBuffer payload = frame.hasPayload() ? frame.getPayload() : BufferUtil.EMPTY_BUFFER;
        if (frame.isFin() && fragments.size() == 0 && !fragmentsTooLarge) {
            onText(new FrameChars(payload), now);
            return;
        }
        if (fragments.size() + payload.remaining() > MAX_MESSAGE_BYTES) {
            fragmentsTooLarge = true;
            fragments.reset();
        } else if (!fragmentsTooLarge) {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(payload.position(), bytes);
            fragments.writeBytes(bytes);
        }
        if (frame.isFin()) {
            if (fragmentsTooLarge) {
                stats.foreignFrame();
            } else {
                onText(new FrameChars(ByteBuffer.wrap(fragments.toByteArray())), now);
            }
            fragments.reset();
            fragmentsTooLarge = false;
        }
    }

    /** Replies and events: a message event is read from the frame's bytes, anything else from its text. */
    void onText(CharSequence frame, long now) {
        int status = protocol.replyStatus(frame);
        if (status >= 0) {
            replied(status, frame.toString(), now);
            return;
        }
        BenchText.Stamp stamp = BenchText.read(frame);
        if (stamp == null) {
            String text = frame.toString();
            String type = protocol.eventType(text);
            if (type == null) {
                stats.foreignFrame();
            } else {
                stats.event(type);
                stats.presence().received(type, text);
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
    public void onClosed(CloseStatus status, Callback callback) {
        if (!leaving) {
            stats.closedDuringRun(status.getCode());
        }
        joined.completeExceptionally(new IllegalStateException("closed " + status.getCode() + " " + status.getReason()));
        closed.complete(null);
        callback.succeeded();
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        closed.complete(null);
        callback.succeeded();
    }
}
