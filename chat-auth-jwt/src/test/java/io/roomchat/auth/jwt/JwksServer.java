package io.roomchat.auth.jwt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** A real JWKS endpoint on 127.0.0.1 that counts the fetches it answers, and can be made to trickle its answers. */
final class JwksServer implements AutoCloseable {
    private static final String PATH = "/.well-known/jwks.json";

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicInteger mostAnsweringAtOnce = new AtomicInteger();
    private volatile CountDownLatch released = new CountDownLatch(0);
    private volatile int status = 200;
    private volatile String body;
    private volatile Duration delay = Duration.ZERO;

    private JwksServer(String body) throws IOException {
        this.body = body;
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "jwks-server");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::answer);
        server.setExecutor(executor);
        server.start();
    }

    static JwksServer serving(PublicJwk<?>... keys) throws IOException {
        return new JwksServer(document(keys));
    }

    static String document(PublicJwk<?>... keys) {
        return Arrays.stream(keys).map(Jwks::json).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    void serve(PublicJwk<?>... keys) {
        answerWith(200, document(keys));
    }

    void answerWith(int status, String body) {
        this.status = status;
        this.body = body;
    }

    void delayAnswersBy(Duration delay) {
        this.delay = delay;
    }

    /**
     * From now on an answer sends its headers at once, then a space every 50 ms (leading white space keeps the
     * document valid JSON), and its document only after {@link #release()}; it stops when the client hangs up.
     */
    void trickle() {
        released = new CountDownLatch(1);
    }

    void release() {
        released.countDown();
    }

    int requests() {
        return requests.get();
    }

    /** Answers being written right now: a fetch the client still waits for, or has not hung up on. */
    int answersInProgress() {
        return answering.get();
    }

    int mostAnswersAtOnce() {
        return mostAnsweringAtOnce.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        mostAnsweringAtOnce.accumulateAndGet(answering.incrementAndGet(), Math::max);
        try {
            Thread.sleep(delay.toMillis());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            CountDownLatch release = released;
            exchange.sendResponseHeaders(status, release.getCount() == 0 ? bytes.length : 0); // 0: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                while (!release.await(50, TimeUnit.MILLISECONDS)) {
                    out.write(' ');
                    out.flush();
                }
                out.write(bytes);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            answering.decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
