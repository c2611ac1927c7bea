package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One accepted WebSocket. Jetty hands it one frame at a time (the next is demanded only when this one is
 * handled); the shared {@link io.roomchat.wire.FramePipeline} makes each frame's one reply, which goes out through
 * the connection's ordered queue, so replies leave in the order the frames came. The socket does not outlive its
 * token: it is closed with 4401 when the token's {@code exp} passes, and a frame that arrives after it is not
 * handled. Public only because Jetty calls it reflectively.
 */
public final class ChatEndpoint implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(ChatEndpoint.class);
    private static final int INTERNAL_ERROR = 1011;
    static final int TOKEN_EXPIRED = 4401;
    /** The MDC key under which every line logged while handling this socket names it (a field in JSON lines). */
    static final String LOG_CONNECTION = "connectionId";

    private final ConnectionId id;
    private final Connection accepted;
    private final EndpointWiring services;
    /** Settled once: the socket opened, or its upgrade ended without opening it. */
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile ClientConnection connection;
    private volatile Future<?> closeAtExpiry;

    /** {@code accepted}: the connection's record as the token made it. */
    ChatEndpoint(Connection accepted, EndpointWiring services) {
        this.id = accepted.id();
        this.accepted = accepted;
        this.services = services;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        try (MDC.MDCCloseable logged = MDC.putCloseable(LOG_CONNECTION, id.value())) {
            open(session);
        }
    }

    private void open(Session session) {
        connection = new ClientConnection(id, session, services.gateway().writers(), services.limits());
        if (!settled.compareAndSet(false, true)) {
            // Too late: the upgrade was already given up and the record removed.
            connection.close(INTERNAL_ERROR, "upgrade did not complete");
            return;
        }
        services.budgets().open(id);
        services.gateway().register(connection);
        accepted.tokenExpiry().ifPresent(exp -> closeAtExpiry = services.gateway().later(
                Duration.between(services.clock().instant(), exp), this::closeForExpiredToken));
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
        if (!closeIfTokenExpired()) {
            services.pipeline().text(id, accepted.protocol(), text, reply -> reply(client, reply));
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        ClientConnection client = connection;
        client.heard();
        if (!closeIfTokenExpired()) {
            reply(client, services.pipeline().binary(id, accepted.protocol()));
        }
        callback.succeed();
    }

    /** A frame after the token's {@code exp}: the socket is closed rather than the frame handled. */
    private boolean closeIfTokenExpired() {
        Instant now = services.clock().instant();
        if (!accepted.tokenExpiredAt(now)) {
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

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        connection.heard();
    }

    /**
     * With this method present Jetty leaves the pong to the endpoint: it goes through the bounded queue, at most
     * one waiting (a newer ping's replaces it), and a ping over the frame budget closes the connection (1008), so
     * a client that pings without reading costs a bounded amount of memory.
     */
    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        ClientConnection client = connection;
        client.heard();
        if (!services.pipeline().pingAllowed(id)) {
            services.gateway().drop(client, JettyConnectionGateway.POLICY_VIOLATION, "ping flood");
            services.core().disconnect(id);
            return;
        }
        client.pong(payload);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("connection {} error: {}", id, cause.toString());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        try (MDC.MDCCloseable logged = MDC.putCloseable(LOG_CONNECTION, id.value())) {
            Future<?> expiry = closeAtExpiry;
            if (expiry != null) {
                expiry.cancel(false);
            }
            services.gateway().unregister(id);
            services.budgets().close(id);
            services.core().disconnect(id);
            LOG.debug("connection {} closed ({})", id, statusCode);
        }
    }
}
