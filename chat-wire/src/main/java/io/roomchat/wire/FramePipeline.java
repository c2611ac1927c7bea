package io.roomchat.wire;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRate;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.HandleCommandUseCase;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyChannel;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.FrameBudgets;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every transport does with one client frame, in one place: count it, decode it, take it from the caller's
 * frame budget, let the core handle it, and encode the one reply. The transport only carries the frame in and the
 * reply out. Thread-safe; one per process.
 *
 * <p>The frame is decoded before its budget is taken, so that a 429 still echoes the frame's {@code requestId}; a
 * frame over the budget then reaches nothing in the core. A budget store that fails lets the frame through to
 * the core, which answers from its own stores (a 500 when they are down too), rather than refusing every frame
 * as too many. Logs carry the connection, never the frame.
 */
public final class FramePipeline {
    public static final String BINARY_REFUSED = "frame: binary frames are not supported, send JSON text";
    private static final System.Logger LOG = System.getLogger(FramePipeline.class.getName());

    private final WireCodec codec;
    private final HandleCommandUseCase commands;
    private final FrameBudgets budgets;
    private final FrameRate rate;
    private final Clock clock;
    private final ChatMetrics metrics;

    /**
     * @param budgets where each connection's frame budget is kept, at {@code rate}, on {@code clock}'s time
     * @param metrics counts frames in and the replies this pipeline makes itself (the core counts its own)
     */
    public FramePipeline(WireCodec codec, HandleCommandUseCase commands, FrameBudgets budgets, FrameRate rate,
                         Clock clock, ChatMetrics metrics) {
        this.codec = Objects.requireNonNull(codec);
        this.commands = Objects.requireNonNull(commands);
        this.budgets = Objects.requireNonNull(budgets);
        this.rate = Objects.requireNonNull(rate);
        this.clock = Objects.requireNonNull(clock);
        this.metrics = Objects.requireNonNull(metrics);
    }

    /**
     * A text frame's one reply, in the connection's protocol (fixed when it connected), handed to {@code send} as
     * soon as the core has it: a resuming join's reply goes out before the catch-up events the core then sends the
     * caller. Never throws for the frame: an unexpected failure is the fixed 500.
     */
    public void text(ConnectionId caller, Protocol protocol, String text, Consumer<String> send) {
        metrics.frameIn();
        Optional<String> requestId = Optional.empty();
        DecodedFrame frame;
        boolean allowed;
        try {
            frame = codec.decode(text, protocol);
            requestId = frame.requestId();
            allowed = frameAllowed(caller);
        } catch (RuntimeException failure) {
            LOG.log(Level.ERROR, "frame on connection " + caller + " failed", failure);
            send.accept(codec.encodeReply(rejectedHere(Reply.internalError()), requestId, protocol));
            return;
        }
        Optional<String> echoed = requestId;
        ReplyChannel replies = reply -> send.accept(codec.encodeReply(reply, echoed, protocol));
        if (!allowed) {
            replies.send(rejectedHere(Reply.rateLimited()));
        } else if (frame instanceof DecodedFrame.Command command) {
            commands.handle(caller, command.command(), replies);
        } else {
            replies.send(rejectedHere(((DecodedFrame.Invalid) frame).reply()));
        }
    }

    /** A binary frame's one reply: neither protocol has any, so a 400 (or a 429 over the budget). */
    public String binary(ConnectionId caller, Protocol protocol) {
        metrics.frameIn();
        Reply reply = frameAllowed(caller)
                ? Reply.rejected(Status.BAD_REQUEST, BINARY_REFUSED)
                : Reply.rateLimited();
        return codec.encodeReply(rejectedHere(reply), Optional.empty(), protocol);
    }

    /**
     * A ping costs what any frame costs, so that pings cannot flood a connection's answers past its budget;
     * false: over the budget (the transport closes a connection that floods).
     */
    public boolean pingAllowed(ConnectionId caller) {
        return frameAllowed(caller);
    }

    private boolean frameAllowed(ConnectionId caller) {
        try {
            return budgets.tryTake(caller, rate, clock.instant());
        } catch (ChatStorageException unavailable) {
            LOG.log(Level.WARNING, "frame budget of {0} unavailable: {1}", caller, unavailable.getMessage());
            return true;
        }
    }

    private Reply rejectedHere(Reply reply) {
        metrics.replied(reply.status());
        return reply;
    }
}
