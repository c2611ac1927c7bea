package io.roomchat.adapter.lambda.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * API Gateway's Management API, {@code /@connections/{id}} (under any stage prefix): {@code POST} sends the body as
 * a text frame, {@code GET} describes the connection, {@code DELETE} closes it; an id with no open socket is
 * 410 Gone. An optional delay per call imitates the network distance to the real service.
 */
final class ConnectionsEndpoint {
    static final String PATH = "/@connections/";

    private final LocalConnections connections;
    private final Duration delayPerCall;

    ConnectionsEndpoint(LocalConnections connections, Duration delayPerCall) {
        this.connections = connections;
        this.delayPerCall = delayPerCall;
    }

    static boolean matches(String path) {
        return path.contains(PATH);
    }

    boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!delayPerCall.isZero()) {
            Thread.sleep(delayPerCall.toMillis());
        }
        String path = request.getHttpURI().getPath();
        String id = URLDecoder.decode(path.substring(path.indexOf(PATH) + PATH.length()), StandardCharsets.UTF_8);
        var socket = connections.find(id);
        if (socket.isEmpty()) {
            return HttpReplies.awsJsonError(response, callback, 410, "GoneException");
        }
        switch (request.getMethod()) {
            case "POST" -> {
                String frame = Content.Source.asString(request, StandardCharsets.UTF_8);
                try {
                    socket.get().send(frame);
                } catch (Exception closedMeanwhile) {
                    connections.closed(id);
                    return HttpReplies.awsJsonError(response, callback, 410, "GoneException");
                }
                return HttpReplies.send(response, callback, 200, null, null);
            }
            case "GET" -> {
                String now = Instant.now().toString();
                return HttpReplies.send(response, callback, 200, "application/json",
                        "{\"connectedAt\":\"" + socket.get().connectedAt() + "\",\"lastActiveAt\":\"" + now
                                + "\",\"identity\":{\"sourceIp\":\"" + socket.get().sourceIp() + "\"}}");
            }
            case "DELETE" -> {
                socket.get().close();
                return HttpReplies.send(response, callback, 204, null, null);
            }
            default -> {
                return HttpReplies.awsJsonError(response, callback, 405, "MethodNotAllowedException");
            }
        }
    }
}
