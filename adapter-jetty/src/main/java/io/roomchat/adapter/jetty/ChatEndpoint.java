package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRateLimiter;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.Reply;
import io.roomchat.wire.DecodedFrame;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One accepted WebSocket. Jetty hands it one frame at a time (the next is demanded only when this one is
 * handled), so replies go out in the order the frames came, each through the connection's ordered queue.
 * Public only because Jetty calls it reflectively.
 */
public final class ChatEndpoint implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(ChatEndpoint.class);
    static final String BINARY_REFUSED = "frame: binary frames are not supported, send JSON text";
    static final String RATE_LIMITED = Reply.RATE_LIMITED_BODY;
    private static final int INTERNAL_ERROR = 1011;
    /** The MDC key under which every line logged while handling this socket names it (a field in JSON lines). */
    static final String LOG_CONNECTION = "connectionId";

    private final ConnectionId id;
    private final SocketServices services;
    /** Settled once: the socket opened, or its upgrade ended without opening it. */
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile ClientConnection connection;

    ChatEndpoint(ConnectionId id, SocketServices services) {
        this.id = id;
        this.services = services;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        try (MDC.MDCCloseable logged = MDC.putCloseable(LOG_CONNECTION, id.value())) {
            open(session);
        }
    }

    private void open(Session session) {
        connection = new ClientConnection(id, session, services.gateway().writers(), services.limits().outboundQueueFrames(),
                FrameRateLimiter.of(services.limits()));
        if (!settled.compareAndSet(false, true)) {
            // Too late: the upgrade was already given up and the record removed.
            connection.close(INTERNAL_ERROR, "upgrade did not complete");
            return;
        }
        services.gateway().register(connection);
        LOG.debug("connection {} open", id);
    }

    /**
     * The upgrade ended without opening the socket (the client left before the 101, or the handshake failed), so
     * Jetty will report neither an open nor a close: the record made when the token was checked goes now.
     */
    void neverOpened() {
        if (settled.compareAndSet(false, true)) {
            services.core().disconnect(id);
            LOG.debug("connection {} never opened", id);
        }
    }

    @Override
    public void onWebSocketText(String text) {
        try (MDC.MDCCloseable logged = MDC.putCloseable(LOG_CONNECTION, id.value())) {
            handle(text);
        }
    }

    private void handle(String text) {
        ClientConnection client = connection;
        client.heard();
        services.metrics().frameIn();
        Optional<String> requestId = Optional.empty();
        Reply reply;
        try {
            DecodedFrame frame = services.codec().decode(text);
            requestId = frame.requestId();
            if (!client.tryTakeFrame()) {
                reply = rejectedHere(Status.TOO_MANY_REQUESTS, RATE_LIMITED);
            } else if (frame instanceof DecodedFrame.Invalid invalid) {
                reply = invalid.reply();
                services.metrics().replied(reply.status());
            } else {
                reply = services.core().handle(id, ((DecodedFrame.Command) frame).command());
            }
        } catch (RuntimeException failure) {
            LOG.error("frame on connection {} failed", id, failure);
            reply = Reply.internalError();
            services.metrics().replied(reply.status());
        }
        reply(client, reply, requestId);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        ClientConnection client = connection;
        client.heard();
        services.metrics().frameIn();
        Reply reply = client.tryTakeFrame()
                ? rejectedHere(Status.BAD_REQUEST, BINARY_REFUSED)
                : rejectedHere(Status.TOO_MANY_REQUESTS, RATE_LIMITED);
        reply(client, reply, Optional.empty());
        callback.succeed();
    }

    /**
     * Queues the frame's one reply behind everything queued before it. A client too slow to take it is dropped
     * and forgotten, as for an event: a reply is never thrown away while the connection stays open.
     */
    private void reply(ClientConnection client, Reply reply, Optional<String> requestId) {
        if (!services.gateway().send(client, services.codec().encodeReply(reply, requestId))) {
            services.core().disconnect(id);
        }
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        connection.heard();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        // With this method present Jetty leaves the pong to the endpoint.
        connection.heard();
        connection.pong(payload);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("connection {} error: {}", id, cause.toString());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        try (MDC.MDCCloseable logged = MDC.putCloseable(LOG_CONNECTION, id.value())) {
            services.gateway().unregister(id);
            services.core().disconnect(id);
            LOG.debug("connection {} closed ({})", id, statusCode);
        }
    }

    private Reply rejectedHere(Status status, String body) {
        services.metrics().replied(status);
        return Reply.rejected(status, body);
    }
}
