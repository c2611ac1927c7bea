package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;
import org.eclipse.jetty.websocket.core.messages.MessageSink;
import org.eclipse.jetty.websocket.core.messages.StringMessageSink;
import org.eclipse.jetty.websocket.core.util.MethodHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One accepted WebSocket. Jetty hands it one frame at a time (the next is demanded only when this one is
 * handled); the shared {@link io.roomchat.wire.FramePipeline} makes each frame's one reply, which goes out through
 * the connection's ordered queue, so replies leave in the order the frames came. The socket does not outlive its
 * token: it is closed with 4401 when the token's {@code exp} passes, and a frame that arrives after it is not
 * handled.
 *
 * <p>A handler of Jetty's core WebSocket API rather than a {@code Session.Listener}: the listener API keeps, for as
 * long as the socket is open, its upgrade request and response, which in Jetty 12.1 reach the whole HTTP/1
 * connection the upgrade came on, and binds seven method handles per socket; together about 6 KB per idle connection
 * (docs/benchmarks.md). Text messages are assembled by Jetty's own sink (fragments, UTF-8 check, size limit), as the
 * listener API did.
 */
final class ChatEndpoint implements FrameHandler, MethodHolder {
    private static final Logger LOG = LoggerFactory.getLogger(ChatEndpoint.class);
    private static final int INTERNAL_ERROR = 1011;
    static final int TOKEN_EXPIRED = 4401;
    static final int MESSAGE_TOO_LARGE = 1009;
    /** The MDC key under which every line logged while handling this socket names it (a field in JSON lines). */
    static final String LOG_CONNECTION = "connectionId";

    private final ConnectionId id;
    private final Protocol protocol;
    /** The token's {@code exp}, shared with the connection's record (not the record itself: the store has it). */
    private final Instant tokenExpiry;
    private final EndpointWiring services;
    /**
     * Settled once: the socket opened, or its upgrade ended without opening it. A flag under this object's lock
     * rather than an AtomicBoolean: 16 bytes less per socket.
     */
    private boolean settled;
    private volatile ClientConnection connection;
    /**
     * Assembles the text message under way (fragments, UTF-8, size limit): made at its first frame, let go once it
     * is whole, so an idle socket holds none (32 bytes).
     */
    private MessageSink text;
    /** What a continuation frame continues, and the bytes of that message so far (a binary one's are never kept). */
    private byte continuing = OpCode.TEXT;
    private int messageBytes;
    private boolean tooLarge;

    /** {@code accepted}: the connection's record as the token made it. */
    ChatEndpoint(Connection accepted, EndpointWiring services) {
        this.id = accepted.id();
        this.protocol = accepted.protocol();
        this.tokenExpiry = accepted.tokenExpiry().orElse(null);
        this.services = services;
    }

    @Override
    public void onOpen(CoreSession session, Callback callback) {
        try (MDC.MDCCloseable logged = MDC.putCloseable(LOG_CONNECTION, id.value())) {
            open(session);
        }
        callback.succeeded();
        session.demand();
    }

    private void open(CoreSession session) {
        connection = new ClientConnection(id, session, tokenExpiry, services.gateway().writers(),
                services.limits());
        if (!settleFirst()) {
            // Too late: the upgrade was already given up and the record removed. Dropped rather than only closed,
            // so that the TCP connection is cut if the client never answers the close.
            services.gateway().drop(connection, INTERNAL_ERROR, "upgrade did not complete");
            return;
        }
        // Closed at its token's exp by the server's TokenExpirySweep.
        services.gateway().register(connection);
        LOG.debug("connection {} open", id);
    }

    /**
     * The upgrade ended without opening the socket (the client left before the 101, or the handshake failed), so
     * Jetty will report neither an open nor a close: the record made when the token was checked goes now.
     */
    void neverOpened() {
        if (settleFirst()) {
            services.core().disconnect(id);
            LOG.debug("connection {} never opened", id);
        }
    }

    /**
     * One frame. Every path completes the callback and demands the next frame once this one is handled (the text
     * sink demands itself), so a client can never have more than one frame in the server's hands.
     */
    @Override
    public void onFrame(Frame frame, Callback callback) {
        switch (frame.getOpCode()) {
            case OpCode.TEXT -> {
                continuing = OpCode.TEXT;
                messageBytes = 0;
                // The endpoint itself takes the sink's whole messages (invoke): no bound method handle (about 140
                // bytes per socket) and no lambda (16 more).
                text = new StringMessageSink(connection.session, this, true);
                text(frame, callback);
            }
            case OpCode.BINARY -> {
                continuing = OpCode.BINARY;
                messageBytes = 0;
                binary(frame, callback);
            }
            case OpCode.CONTINUATION -> {
                if (continuing == OpCode.TEXT) {
                    text(frame, callback);
                } else {
                    binary(frame, callback);
                }
            }
            case OpCode.PING -> handled(callback, () -> onPing(frame.getPayload()));
            case OpCode.PONG -> handled(callback, () -> connection.heard());
            // Jetty answers the close frame itself and then reports onClosed.
            default -> callback.succeeded();
        }
    }

    /**
     * A text frame to the sink, unless its message has grown past the limit: then the socket is closed with 1009 as
     * an orderly close, and the rest of the message is read and dropped until the client answers the close, so the
     * client receives the close frame instead of a reset connection.
     */
    private void text(Frame frame, Callback callback) {
        count(frame);
        if (tooLarge || messageBytes > services.limits().maxFrameBytes()) {
            if (!tooLarge) {
                tooLarge = true;
                services.gateway().drop(connection, MESSAGE_TOO_LARGE, "message too large");
                services.core().disconnect(id);
            }
            callback.succeeded();
            connection.demand();
            return;
        }
        text.accept(frame, callback);
    }

    /** Adds the frame's payload to its message's bytes; an int (not a long per kind) that stops at its maximum. */
    private void count(Frame frame) {
        messageBytes = (int) Math.min(Integer.MAX_VALUE, (long) messageBytes + frame.getPayloadLength());
    }

    private void handled(Callback callback, Runnable handling) {
        try (MDC.MDCCloseable logged = MDC.putCloseable(LOG_CONNECTION, id.value())) {
            handling.run();
        }
        callback.succeeded();
        connection.demand();
    }

    /** The text sink's call: one whole text message. */
    @Override
    public Object invoke(Object... arguments) {
        text = null;
        onText((String) arguments[0]);
        return null;
    }

    /** A text message, whole and valid UTF-8 (the sink checked it). */
    private void onText(String message) {
        try (MDC.MDCCloseable logged = MDC.putCloseable(LOG_CONNECTION, id.value())) {
            handle(message);
        }
    }

    private void handle(String text) {
        ClientConnection client = connection;
        client.heard();
        if (!closeIfTokenExpired()) {
            services.pipeline().text(id, protocol, text, reply -> reply(client, reply));
        }
    }

    /**
     * A binary message is refused with one reply once it is whole; its bytes are counted against the limit (1009
     * past it, as for text) but never kept.
     */
    private void binary(Frame frame, Callback callback) {
        count(frame);
        long limit = services.limits().maxFrameBytes();
        if (messageBytes > limit) {
            callback.failed(new MessageTooLargeException("binary message of " + messageBytes + " bytes > " + limit));
            return;
        }
        if (!frame.isFin()) {
            callback.succeeded();
            connection.demand();
            return;
        }
        handled(callback, () -> {
            ClientConnection client = connection;
            client.heard();
            if (!closeIfTokenExpired()) {
                reply(client, services.pipeline().binary(id, protocol));
            }
        });
    }

    /** A frame after the token's {@code exp}: the socket is closed rather than the frame handled. */
    private boolean closeIfTokenExpired() {
        if (!connection.tokenExpiredAt(services.clock().instant())) {
            return false;
        }
        closeForExpiredToken();
        return true;
    }

    /** Closes the socket with 4401 and forgets it at once, as for a slow reader. */
    private void closeForExpiredToken() {
        services.gateway().drop(connection, TOKEN_EXPIRED, "token expired");
        services.core().disconnect(id);
    }

    /**
     * Queues the frame's one reply behind everything queued before it. A client too slow to take it is dropped
     * and forgotten, as for an event: a reply is never thrown away while the connection stays open.
     */
    private void reply(ClientConnection client, String reply) {
        if (!services.gateway().send(client, reply)) {
            services.core().disconnect(id);
        }
    }

    /**
     * The pong goes through the bounded queue, at most one waiting (a newer ping's replaces it), and a ping over
     * the frame budget closes the connection (1008), so a client that pings without reading costs a bounded
     * amount of memory.
     */
    private void onPing(ByteBuffer payload) {
        ClientConnection client = connection;
        client.heard();
        if (!services.pipeline().pingAllowed(id)) {
            services.gateway().drop(client, JettyConnectionGateway.POLICY_VIOLATION, "ping flood");
            services.core().disconnect(id);
            return;
        }
        client.pong(payload == null ? ByteBuffer.allocate(0) : payload);
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        LOG.debug("connection {} error: {}", id, cause.toString());
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus status, Callback callback) {
        try {
            closed(status.getCode());
        } finally {
            callback.succeeded();
        }
    }

    private void closed(int statusCode) {
        try (MDC.MDCCloseable logged = MDC.putCloseable(LOG_CONNECTION, id.value())) {
            services.gateway().unregister(id);
            services.core().disconnect(id);
            LOG.debug("connection {} closed ({})", id, statusCode);
        }
    }

    /** True for the first caller only. */
    private synchronized boolean settleFirst() {
        boolean first = !settled;
        settled = true;
        return first;
    }
}
