package io.roomchat.adapter.dynamodb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A DynamoDB endpoint that misbehaves on purpose (JDK HTTP server on loopback): it answers chosen requests with
 * an error, optionally after passing them on to a real server, which is how a response lost after the write
 * took effect looks to the client. Everything else is passed on unchanged.
 */
final class FaultyEndpoint implements AutoCloseable {

    /** One request as the endpoint sees it: the operation ({@code PutItem}, ...) and the JSON body. */
    record Call(String operation, String body) {
        boolean mentions(String text) {
            return body.contains(text);
        }
    }

    /** What to do with a request. */
    sealed interface Fault {
        /** Pass it on and return the real answer. */
        record None() implements Fault {
        }

        /** Answer with this error instead; with {@code afterForwarding}, only once the real server has acted. */
        record Error(int status, String type, boolean afterForwarding) implements Fault {
        }

        /** Answer nothing for this long, then pass it on: a server that hangs. */
        record Stall(Duration duration) implements Fault {
        }
    }

    static final Fault PASS = new Fault.None();

    static Fault internalError() {
        return new Fault.Error(500, "InternalServerError", false);
    }

    static Fault throttled() {
        return new Fault.Error(400, "ProvisionedThroughputExceededException", false);
    }

    /** {@code fault} for the first {@code times} requests that {@code which} picks, then pass everything on. */
    static Function<Call, Fault> first(int times, Predicate<Call> which, Fault fault) {
        AtomicInteger left = new AtomicInteger(times);
        return call -> which.test(call) && left.getAndDecrement() > 0 ? fault : PASS;
    }

    static Function<Call, Fault> always(Predicate<Call> which, Fault fault) {
        return call -> which.test(call) ? fault : PASS;
    }

    /** A put of a message item (not of an id claim). */
    static boolean isMessagePut(Call call) {
        return call.operation().equals("PutItem") && call.mentions("\"isDeleted\"");
    }

    /** An edit or delete of a message (not the raise of a room's seq counter). */
    static boolean isMessageUpdate(Call call) {
        return call.operation().equals("UpdateItem") && call.mentions("\"#editToken\"");
    }

    /** A put of an id claim. */
    static boolean isClaimPut(Call call) {
        return call.operation().equals("PutItem") && call.mentions("\"claimToken\"");
    }

    static Fault stall(Duration duration) {
        return new Fault.Stall(duration);
    }

    /** The server did the work, but the client gets a 500 instead of its answer. */
    static Fault lostResponse() {
        return new Fault.Error(500, "InternalServerError", true);
    }

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "date", "from", "via", "warning");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final AtomicInteger received = new AtomicInteger();
    private volatile Function<Call, Fault> faults;

    /** @param upstream where to pass requests on; null when every request gets a fault */
    FaultyEndpoint(URI upstream, Function<Call, Fault> faults) throws IOException {
        this.upstream = upstream;
        this.faults = faults;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void faults(Function<Call, Fault> newFaults) {
        this.faults = newFaults;
    }

    /** HTTP requests received so far, retries included. */
    int received() {
        return received.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.incrementAndGet();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            Fault fault = faults.apply(new Call(operation, new String(body, StandardCharsets.UTF_8)));
            if (fault instanceof Fault.Stall stall) {
                try {
                    Thread.sleep(stall.duration().toMillis());
                } catch (InterruptedException closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (fault instanceof Fault.Error error) {
                if (error.afterForwarding()) {
                    forward(exchange, body);
                }
                answerError(exchange, error);
                return;
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        if (upstream == null) {
            throw new IOException("no upstream to pass the request on to");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException(interrupted);
        }
    }

    private static void answerError(HttpExchange exchange, Fault.Error error) throws IOException {
        byte[] json = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + error.type()
                + "\",\"message\":\"injected by the test\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(error.status(), json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
