package io.roomchat.adapter.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API Gateway's Management API as far as the handlers use it, on loopback, for the real SDK client: records what
 * each connection was sent, answers 410 Gone for connections marked gone, and notes how many calls were open at
 * once. Tests that need the whole local stand-in use adapter-aws-lambda-local instead.
 */
final class ManagementApiStub implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile long delayMillis;

    ManagementApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The endpoint to configure, as {@code https://<api>.execute-api.<region>.amazonaws.com/<stage>} would be. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dev");
    }

    void markGone(String connectionId) {
        gone.add(connectionId);
    }

    void delayEachCall(long millis) {
        this.delayMillis = millis;
    }

    List<String> framesTo(String connectionId) {
        return List.copyOf(received.getOrDefault(connectionId, List.of()));
    }

    List<String> closedConnections() {
        return List.copyOf(closed);
    }

    int mostCallsOpenAtOnce() {
        return mostOpen.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = open.incrementAndGet();
        mostOpen.accumulateAndGet(now, Math::max);
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            String path = exchange.getRequestURI().getRawPath();
            int at = path.indexOf("/@connections/");
            if (at < 0) {
                respond(exchange, 404, "NotFoundException");
                return;
            }
            String id = URLDecoder.decode(path.substring(at + "/@connections/".length()), StandardCharsets.UTF_8);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (gone.contains(id)) {
                respond(exchange, 410, "GoneException");
            } else if ("DELETE".equals(exchange.getRequestMethod())) {
                closed.add(id);
                respond(exchange, 204, null);
            } else {
                received.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(body);
                respond(exchange, 200, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String errorType) throws IOException {
        if (errorType == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] body = ("{\"message\":\"" + errorType + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
