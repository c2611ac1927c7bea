package io.roomchat.adapter.lambda.local;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client socket (Jetty requires a public listener class). Frames are handed to the functions one at a time,
 * in order, in the thread that read them.
 */
public final class ApiGatewaySocket implements Session.Listener.AutoDemanding, LocalSocket {
    private final String connectionId;
    private final Instant connectedAt;
    private final LocalApiGateway gateway;
    private final LocalConnections connections;
    private volatile Session session;
    private volatile String sourceIp = "127.0.0.1";

    ApiGatewaySocket(String connectionId, Instant connectedAt, LocalApiGateway gateway, LocalConnections connections) {
        this.connectionId = connectionId;
        this.connectedAt = connectedAt;
        this.gateway = gateway;
        this.connections = connections;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        if (opened.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
            sourceIp = remote.getAddress().getHostAddress();
        }
        connections.opened(connectionId, this);
    }

    @Override
    public void onWebSocketText(String text) {
        gateway.text(connectionId, connectedAt, text, sourceIp);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        gateway.binary(connectionId, connectedAt, bytes, sourceIp);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        gateway.disconnect(connectionId, connectedAt, sourceIp);
    }

    @Override
    public synchronized void send(String frame) throws Exception {
        Callback.Completable sent = new Callback.Completable();
        session.sendText(frame, sent);
        sent.get();
    }

    @Override
    public void close() {
        Session current = session;
        if (current != null) {
            current.close(1000, "closed by the server", Callback.NOOP);
        }
    }

    @Override
    public Instant connectedAt() {
        return connectedAt;
    }

    @Override
    public String sourceIp() {
        return sourceIp;
    }
}
