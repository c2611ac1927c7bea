package io.roomchat.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server for tests, the binary shipped inside {@code org.signal:embedded-redis}: on loopback, on a free
 * port, nothing saved to disk. One server per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisServer REDIS = new RedisServer();
 * ... REDIS.url() ...
 * }</pre>
 *
 * It fails, saying why, when the server cannot start; it never skips. {@code org.signal:embedded-redis} is an
 * optional dependency of this module: a module using this server adds it in test scope. {@link #stop()} and {@link #start()} may be
 * called in the middle of a test to take the bus away and bring it back on the same port.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {
    private redis.embedded.RedisServer server;
    private int port;

    /** On a free port, picked at the first start. */
    public RedisServer() {
        this(0);
    }

    /** On {@code port}. */
    public RedisServer(int port) {
        this.port = port;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (ServerProcesses.isNested(context)) {
            return;
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (ServerProcesses.isNested(context)) {
            return;
        }
        stop();
    }

    /** {@code redis://127.0.0.1:<port>}, the same across a stop and a start. */
    public synchronized String url() {
        if (port == 0) {
            throw new IllegalStateException("redis-server was never started");
        }
        return "redis://127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null && server.isActive();
    }

    /** Starts the server (on its earlier port after a stop) and returns once it accepts commands. */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("redis-server is already running");
        }
        if (port == 0) {
            port = ServerProcesses.freePort();
        }
        redis.embedded.RedisServer starting = redis.embedded.RedisServer.builder()
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        try {
            starting.start();
        } catch (RuntimeException cannotStart) {
            throw new IllegalStateException("redis-server (embedded-redis) did not start on 127.0.0.1:" + port
                    + ": " + cannotStart.getMessage(), cannotStart);
        }
        server = starting;
    }

    /** Stops the server; stopping a stopped server does nothing. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (RuntimeException failure) {
            throw new IllegalStateException("redis-server did not stop: " + failure.getMessage(), failure);
        } finally {
            server = null;
        }
    }

}
