package io.roomchat.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

/**
 * N authenticated connections in R rooms of (nearly) equal size, connection i in room {@code i % R} and, with
 * several servers (the nodes of a cluster), on server {@code (i / R) % S}: every room has members, and so
 * posters and receivers, on every server. Connections
 * are spread over several local source addresses (127.0.0.x) so that ten thousand of them never run out of
 * ephemeral ports, and at most a bounded number of upgrades are in flight at once. Latecomers (a join storm's
 * listeners, {@link #joinLatecomer}) connect by the same rule while the run goes on, numbered after the fleet.
 */
final class Fleet implements AutoCloseable {
    /**
     * Upgrades in flight per source address: half the server's default limit of 16 unfinished HTTP connections
     * per client address (CHAT_MAX_PENDING_PER_ADDRESS, docs/protocol.md), past which it closes new ones unanswered.
     * Half, because builds of the server before the per-address count was taken at the upgrade's decision counted
     * an upgraded connection out only after sending its 101: a client that reads the 101 at once (reads run in
     * place) then opened new connections while some finished ones were still counted, and benchmarks still run
     * against older builds.
     */
    private static final int CONNECTS_IN_FLIGHT_PER_SOURCE = Integer.getInteger("bench.connectsInFlightPerSource", 8);
    private static final int MAX_CONNECTS_IN_FLIGHT = 128;
    private static final int CLIENT_THREADS = Integer.getInteger("bench.clientThreads", 8);
    private static final int RESERVED_THREADS = Integer.getInteger("bench.reservedThreads", 0);
    private static final boolean HAND_OFF = Boolean.getBoolean("bench.handOff");
    private static final Configuration.ConfigurationCustomizer SESSION_SETTINGS = sessionSettings();

    private final List<WebSocketCoreClient> clients = new ArrayList<>();
    private final List<Room> rooms = new ArrayList<>();
    private final List<BenchSocket> sockets = new ArrayList<>();
    private final List<BenchSocket> latecomers = new CopyOnWriteArrayList<>();
    private final LoadStats stats;
    private Target target;
    private BenchProtocol protocol;
    private Semaphore inFlight;
    private int roomSize;
    private int[] connectedPerServer = new int[0];
    private int connected;

    private Fleet(LoadStats stats) {
        this.stats = stats;
    }

    /** Connects and joins everyone over protocol v1; connections that fail are counted, not fatal. */
    static Fleet open(Target target, int connections, int roomCount, LoadStats stats, Progress log)
            throws Exception {
        return open(target, BenchProtocol.V1, connections, roomCount, stats, log);
    }

    /** Connects and joins everyone over {@code protocol}; connections that fail are counted, not fatal. */
    static Fleet open(Target target, BenchProtocol protocol, int connections, int roomCount, LoadStats stats,
            Progress log) throws Exception {
        Fleet fleet = new Fleet(stats);
        try {
            fleet.start(target.sourceAddresses());
            fleet.connect(target, protocol, connections, roomCount, log);
            fleet.joinAll(log);
            return fleet;
        } catch (Exception | Error failure) {
            fleet.close();
            throw failure;
        }
    }

    private void start(List<String> sourceAddresses) throws Exception {
        for (String source : sourceAddresses) {
            WebSocketCoreClient client = new WebSocketCoreClient(httpClient(source), null);
            client.start();
            clients.add(client);
        }
    }

    /** What every connection is set to: never idle out during a run, and the largest frame taken. */
    private static Configuration.ConfigurationCustomizer sessionSettings() {
        Configuration.ConfigurationCustomizer settings = new Configuration.ConfigurationCustomizer();
        settings.setIdleTimeout(Duration.ofHours(1));
        settings.setMaxFrameSize(BenchSocket.MAX_MESSAGE_BYTES);
        settings.setMaxTextMessageSize(BenchSocket.MAX_MESSAGE_BYTES);
        return settings;
    }

    /**
     * A small thread pool with no reserved threads whose own hand-overs run in place ({@link InlineThreadPool}):
     * the client's work per frame is tiny and never blocks, and on a two-core machine shared with the server every
     * extra runnable thread costs context switches. {@code -Dbench.handOff=true} restores Jetty's hand-over of
     * every read to another thread, to measure what it costs.
     */
    private static HttpClient httpClient(String source) {
        String name = "bench-" + source;
        QueuedThreadPool threads = HAND_OFF ? handingOff(name)
                : InlineThreadPool.named(name, CLIENT_THREADS, RESERVED_THREADS);
        HttpClient http = new HttpClient();
        http.setExecutor(threads);
        http.setBindAddress(new InetSocketAddress(source, 0));
        http.setConnectTimeout(TimeUnit.SECONDS.toMillis(30));
        return http;
    }

    private static QueuedThreadPool handingOff(String name) {
        QueuedThreadPool threads = new QueuedThreadPool(CLIENT_THREADS, 2);
        threads.setReservedThreads(RESERVED_THREADS);
        threads.setName(name);
        return threads;
    }

    private void connect(Target target, BenchProtocol protocol, int count, int roomCount, Progress log)
            throws InterruptedException {
        this.target = target;
        this.protocol = protocol;
        List<URI> servers = target.uris();
        connectedPerServer = new int[servers.size()];
        for (int r = 0; r < roomCount; r++) {
            rooms.add(new Room(target.roomPrefix() + r));
        }
        roomSize = (count + roomCount - 1) / roomCount;
        inFlight = new Semaphore(Math.min(MAX_CONNECTS_IN_FLIGHT, CONNECTS_IN_FLIGHT_PER_SOURCE * clients.size()));
        List<CompletableFuture<?>> upgrades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BenchSocket socket = BenchSocket.member(rooms.get(i % roomCount), target.userPrefix() + i, roomSize,
                    stats, protocol);
            upgrades.add(upgrade(socket, i));
            sockets.add(socket);
            if ((i + 1) % 1000 == 0) {
                log.line("connecting: %d of %d started", i + 1, count);
            }
        }
        for (int i = 0; i < upgrades.size(); i++) {
            try {
                upgrades.get(i).get(60, TimeUnit.SECONDS);
                connected++;
                connectedPerServer[(i / roomCount) % servers.size()]++;
            } catch (ExecutionException | TimeoutException failed) {
                stats.connectFailed();
                log.firstFailure("connect", failed);
            }
        }
        log.line("connected: %d of %d (%d failed)", connected, count, count - connected);
    }

    /**
     * Opens connection {@code i} (its user, room and server by the fleet's rule), waiting while too many upgrades
     * are in flight; the future completes when the upgrade does.
     */
    private CompletableFuture<?> upgrade(BenchSocket socket, int i) throws InterruptedException {
        List<URI> servers = target.uris();
        URI server = servers.get((i / rooms.size()) % servers.size());
        WebSocketCoreClient client = clients.get(i % clients.size());
        CoreClientUpgradeRequest request = CoreClientUpgradeRequest.from(client, server, socket);
        String token = target.tokens().tokenFor(socket.name(), socket.name());
        request.headers(headers -> headers.put("Authorization", "Bearer " + token));
        if (!protocol.subprotocols().isEmpty()) {
            request.setSubProtocols(protocol.subprotocols());
        }
        request.setConfiguration(SESSION_SETTINGS);
        inFlight.acquire();
        CompletableFuture<?> upgrade;
        try {
            upgrade = client.connect(request);
        } catch (Exception failure) {
            upgrade = CompletableFuture.failedFuture(failure);
        }
        return upgrade.whenComplete((session, failure) -> inFlight.release());
    }

    /**
     * Connects one more user, number {@code i} of the run (past the fleet's own), and joins it to its room as a
     * listener; the future completes on the join's 200 reply, or fails.
     */
    CompletableFuture<Void> joinLatecomer(int i) throws InterruptedException {
        BenchSocket socket = BenchSocket.latecomer(rooms.get(i % rooms.size()), target.userPrefix() + i, roomSize,
                stats, protocol);
        latecomers.add(socket);
        return upgrade(socket, i).thenCompose(session -> socket.join());
    }

    private void joinAll(Progress log) throws InterruptedException {
        List<CompletableFuture<Void>> joins = new ArrayList<>();
        for (BenchSocket socket : sockets) {
            if (socket.isOpen()) {
                joins.add(socket.join());
            }
        }
        int ok = 0;
        for (CompletableFuture<Void> join : joins) {
            try {
                join.get(60, TimeUnit.SECONDS);
                ok++;
            } catch (ExecutionException | TimeoutException failed) {
                log.firstFailure("join", failed);
            }
        }
        log.line("joined: %d connections in %d rooms", ok, rooms.size());
    }

    List<Room> rooms() {
        return rooms;
    }

    List<BenchSocket> sockets() {
        return sockets;
    }

    int connected() {
        return connected;
    }

    /** Connections that opened, per server, in the order of {@link Target#uris()}. */
    int[] connectedPerServer() {
        return connectedPerServer.clone();
    }

    /** Latecomers started so far (a join storm's), joined or not. */
    List<BenchSocket> latecomers() {
        return latecomers;
    }

    long openCount() {
        return sockets.stream().filter(BenchSocket::isOpen).count()
                + latecomers.stream().filter(BenchSocket::isOpen).count();
    }

    /** Closes every socket normally (waiting a bounded time for the server's answers), then the clients. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (BenchSocket socket : sockets) {
            closing.add(socket.leave());
        }
        for (BenchSocket socket : latecomers) {
            closing.add(socket.leave());
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ignored) {
            // Whatever did not close in time is cut when the clients stop.
        }
        for (WebSocketCoreClient client : clients) {
            try {
                client.stop();
            } catch (Exception ignored) {
                // Stopping is best effort at the end of a run.
            }
        }
    }

    /** Where to connect (one server, or every node of a cluster) and as whom. */
    record Target(List<URI> uris, Tokens tokens, List<String> sourceAddresses, String roomPrefix, String userPrefix) {
        Target {
            uris = List.copyOf(uris);
            if (uris.isEmpty()) {
                throw new IllegalArgumentException("at least one server address is needed");
            }
        }

        /** The first server: the one a single-server command (memory) measures. */
        URI uri() {
            return uris.get(0);
        }
    }
}
