package io.roomchat.resilience.cluster;

import io.roomchat.resilience.LiveServer;
import io.roomchat.resilience.ServerProcess;
import io.roomchat.testkit.PostgresServer;
import io.roomchat.testkit.RedisServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Three server processes ({@code Main} in JVMs of their own, on free loopback ports) sharing one PostgreSQL
 * database ({@code CHAT_STORE=postgres}) and one Redis ({@code CHAT_BUS=redis}), both real servers from the testkit.
 * Started once for every test class of this package ({@link SharedCluster}); a test that takes a part away brings it
 * back before it ends, and one that kills a node starts a new one in its place.
 */
final class Cluster implements AutoCloseable {
    static final int NODES = 3;
    private static final int LOG_LINES = 200;

    private final PostgresServer postgres = new PostgresServer();
    private final RedisServer redis = new RedisServer();
    private final List<ServerProcess> nodes = new ArrayList<>();
    /** Nodes killed by a test: gone, their output kept for a failure report. */
    private final List<ServerProcess> killed = new ArrayList<>();
    private Map<String, String> settings;

    private Cluster() {
    }

    static Cluster start() {
        long started = System.nanoTime();
        Cluster cluster = new Cluster();
        try {
            cluster.postgres.start();
            cluster.redis.start();
            cluster.settings = LiveServer.environment(Map.of("CHAT_STORE", "postgres",
                    "CHAT_DATABASE_URL", cluster.postgres.newDatabase(), "CHAT_DATABASE_USER", PostgresServer.USER,
                    "CHAT_BUS", "redis", "CHAT_REDIS_URL", cluster.redis.url()));
            // Side by side: each JVM spends most of its start waiting on class loading, not on a core.
            List<CompletableFuture<ServerProcess>> starting = IntStream.range(0, NODES)
                    .mapToObj(n -> CompletableFuture.supplyAsync(() -> ServerProcess.start(cluster.settings),
                            task -> new Thread(task, "start-node-" + n).start()))
                    .toList();
            for (CompletableFuture<ServerProcess> node : starting) {
                cluster.nodes.add(node.join());
            }
            System.out.printf("cluster: PostgreSQL, Redis and %d nodes up after %d ms%n", NODES,
                    (System.nanoTime() - started) / 1_000_000);
            return cluster;
        } catch (RuntimeException failed) {
            cluster.close();
            throw failed;
        }
    }

    /** Node {@code n}'s WebSocket endpoint, {@code ws://127.0.0.1:<port>/}. */
    synchronized URI node(int n) {
        return nodes.get(n).webSocket();
    }

    /** Node {@code n}'s {@code http://127.0.0.1:<port>/}. */
    synchronized URI http(int n) {
        return nodes.get(n).http();
    }

    /** SIGKILL of node {@code n}: no shutdown hook, no close frame; its sockets just end. */
    synchronized void kill(int n) throws InterruptedException {
        ServerProcess node = nodes.get(n);
        node.kill();
        killed.add(node);
    }

    /** A new node in the place of node {@code n} (killed), on a new port. */
    synchronized void replace(int n) {
        if (nodes.get(n).isAlive()) {
            throw new IllegalStateException("node " + n + " is still running");
        }
        nodes.set(n, ServerProcess.start(settings));
    }

    RedisServer redis() {
        return redis;
    }

    PostgresServer postgres() {
        return postgres;
    }

    /** The last lines every node printed, killed ones too: what a failure report shows. */
    synchronized String logs() {
        StringBuilder logs = new StringBuilder();
        for (int n = 0; n < nodes.size(); n++) {
            ServerProcess node = nodes.get(n);
            logs.append("\n===== node ").append(n).append(" (pid ").append(node.pid()).append(", ")
                    .append(node.webSocket()).append("), last ").append(LOG_LINES).append(" lines =====\n")
                    .append(node.outputTail(LOG_LINES));
        }
        for (ServerProcess node : killed) {
            logs.append("\n===== killed node (pid ").append(node.pid()).append(", ").append(node.webSocket())
                    .append("), last ").append(LOG_LINES).append(" lines =====\n").append(node.outputTail(LOG_LINES));
        }
        return logs.toString();
    }

    /** Stops the nodes (SIGTERM), then Redis and PostgreSQL. */
    @Override
    public synchronized void close() {
        for (ServerProcess node : nodes) {
            try {
                node.close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        redis.stop();
        postgres.close();
    }
}
