package io.roomchat.adapter.jetty;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.roomchat.auth.jwt.DevTokenEndpoint;
import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.FrameRate;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.port.out.PublisherVerifier;
import io.roomchat.wire.FramePipeline;
import io.roomchat.wire.ServerApi;
import io.roomchat.wire.WireCodec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * The self-hosted chat server: the wire protocol over Jetty WebSockets at {@code /}, the bundled web page, and
 * {@code /health}, {@code /metrics}, {@code /limits}, the server API under {@code /api/} and (dev mode)
 * {@code /dev/token}. The one public door of this
 * package; build it with {@link #builder()}, then {@link #start()} and {@link #close()}.
 */
public final class ChatServer implements AutoCloseable {
    /** Request log without the query string, where a token could be ({@code %U} is the path alone). */
    static final String REQUEST_LOG_FORMAT = "%{client}a \"%m %U %H\" %s %O %{ms}Tms";
    static final String WEB_ROOT = "web/";
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);
    /** Socket writes are short and never block (they are asynchronous): one thread per core is enough. */
    private static final int WRITER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** The default write delay (see {@link Builder#writeDelay}), measured in docs/benchmarks.md. */
    private static final Duration DEFAULT_WRITE_DELAY = Duration.ofMillis(10);

    private final Builder settings;
    private final ChatCore core;
    private final MicrometerChatMetrics metrics = new MicrometerChatMetrics();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService writers;
    private final JettyConnectionGateway gateway;
    private final Server server;
    private final ServerConnector connector;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChatServer(Builder b) {
        this.settings = b;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "chat-keepalive");
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler = timer;
        this.writers = Executors.newFixedThreadPool(WRITER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "chat-writer");
            thread.setDaemon(true);
            return thread;
        });
        WriterHandoff handoff = new WriterHandoff(writers, WRITER_THREADS, scheduler, b.writeDelay);
        this.gateway = new JettyConnectionGateway(scheduler, handoff, b.closeGrace);
        this.core = b.coreFactory.apply(new ServerAdapters(gateway, metrics));
        metrics.trackConnections(gateway::count);
        b.counters.forEach(metrics::countFrom);
        b.meters.forEach(binder -> binder.bindTo(metrics.registry()));

        this.server = new Server(ServerThreads.pool(b.maxThreads));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(b.host);
        connector.setPort(b.port);
        UserConnectionLimit userLimit = new UserConnectionLimit(b.maxConnectionsPerUser);
        connector.addEventListener(userLimit);
        AddressConnectionLimit addressLimit = new AddressConnectionLimit(b.maxPendingPerAddress);
        connector.addEventListener(addressLimit);
        connector.addEventListener(new HeaderDeadline(connector.getScheduler(), b.headerTimeout));
        server.addConnector(connector);
        server.setStopTimeout(SHUTDOWN_GRACE.toMillis());
        // Jetty's own error page repeats the request's URI, and with it any ?token=: a status line's text instead.
        server.setErrorHandler((request, response, callback) -> {
            JsonResponses.write(response, callback, response.getStatus(), "text/plain",
                    HttpStatus.getMessage(response.getStatus()));
            return true;
        });

        InMemoryFrameBudgets budgets = new InMemoryFrameBudgets(gateway::budgetOf);
        Clock clock = Clock.systemUTC();
        FramePipeline pipeline = new FramePipeline(b.codec, core, budgets, FrameRate.of(core.limits()), clock,
                metrics);
        EndpointWiring services = new EndpointWiring(core, pipeline, gateway, core.limits(), metrics, clock);
        scheduler.scheduleWithFixedDelay(new TokenExpirySweep(gateway, core, clock), 1, 1, TimeUnit.SECONDS);
        IdleSweep idle = new IdleSweep(gateway, core.limits().idleTimeout());
        scheduler.scheduleWithFixedDelay(idle, idle.periodMillis(), idle.periodMillis(), TimeUnit.MILLISECONDS);
        ChatUpgrade upgrade = new ChatUpgrade(services, new OriginPolicy(b.allowedOrigins), userLimit, addressLimit);
        Limits limits = core.limits();
        ContextHandler context = new ContextHandler("/");
        // Jetty's core WebSocket API, not its listener API: see ChatEndpoint for the memory that saves per socket.
        WebSocketUpgradeHandler upgrades = new WebSocketUpgradeHandler(
                WebSocketServerComponents.ensureWebSocketComponents(server, context));
        upgrades.getConfiguration().setMaxTextMessageSize(limits.maxFrameBytes());
        upgrades.getConfiguration().setMaxBinaryMessageSize(limits.maxFrameBytes());
        // No idle timeout of Jetty's on a WebSocket (IdleSweep closes silent ones, without a task per socket); the
        // connector's idle timeout and HeaderDeadline still bound an HTTP connection until it is upgraded.
        upgrades.getConfiguration().setIdleTimeout(Duration.ZERO);
        upgrades.addMapping("/", upgrade);
        upgrades.setHandler(routes());
        // Each socket keeps its upgrade's URI for life: the short form of it (see OriginFormUpgrades).
        context.setHandler(new OriginFormUpgrades(upgrades));
        server.setHandler(context);
        Slf4jRequestLogWriter requestLog = new Slf4jRequestLogWriter();
        requestLog.setLoggerName("io.roomchat.requests");
        server.setRequestLog(new CustomRequestLog(requestLog, REQUEST_LOG_FORMAT));
    }

    public static Builder builder() {
        return new Builder();
    }

    private Handler routes() {
        PathMappingsHandler routes = new PathMappingsHandler();
        Map<String, String> details = new LinkedHashMap<>(settings.healthDetails);
        routes.addMapping(PathSpec.from("/health"), new HealthHandler(gateway::count, details, settings.probes));
        routes.addMapping(PathSpec.from("/metrics"), new MetricsHandler(metrics));
        routes.addMapping(PathSpec.from("/limits"), new LimitsHandler(core.limits()));
        routes.addMapping(PathSpec.from(ServerApi.ROOT + "*"), new ServerApiHandler(
                new ServerApi(core, settings.publishers, core.limits().maxFrameBytes())));
        if (settings.devTokens != null) {
            routes.addMapping(PathSpec.from("/dev/token"), new DevTokenHandler(settings.devTokens));
        }
        routes.addMapping(PathSpec.from("/"), webPage());
        return routes;
    }

    /** The bundled web client, from the classpath folder {@code web/}: {@code /} is its {@code index.html}. */
    private Handler webPage() {
        ResourceHandler page = new ResourceHandler();
        Resource root = ResourceFactory.of(server).newClassLoaderResource(WEB_ROOT);
        if (root != null) {
            page.setBaseResource(root);
        }
        page.setWelcomeFiles("index.html");
        page.setDirAllowed(false);
        page.setCacheControl("no-cache");
        return new WebPageHeaders(page);
    }

    /** Opens the port; returns once the server accepts connections. */
    public void start() {
        try {
            server.start();
        } catch (Exception failure) {
            close();
            throw new IllegalStateException("the server could not start on " + settings.host + ":" + settings.port,
                    failure);
        }
        long ping = settings.pingInterval.toMillis();
        if (ping > 0) {
            long slice = Math.max(1, ping / KeepAlive.SLICES);
            scheduler.scheduleAtFixedRate(new KeepAlive(gateway), slice, slice, TimeUnit.MILLISECONDS);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The page's address, {@code http://host:port/}. */
    public URI httpUri() {
        return URI.create("http://" + hostForUri() + ":" + port() + "/");
    }

    /** The protocol's address, {@code ws://host:port/}. */
    public URI webSocketUri() {
        return URI.create("ws://" + hostForUri() + ":" + port() + "/");
    }

    private String hostForUri() {
        return settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
    }

    public int openConnections() {
        return gateway.count();
    }

    public ChatCore core() {
        return core;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops gracefully: every socket is closed with 1001 (going away), in-flight frames finish, then the port
     * closes. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (ClientConnection connection : gateway.all()) {
            gateway.drop(connection, JettyConnectionGateway.GOING_AWAY, "server shutting down");
        }
        awaitSocketsClosed();
        try {
            server.stop();
        } catch (Exception failure) {
            throw new IllegalStateException("the server did not stop cleanly", failure);
        } finally {
            scheduler.shutdownNow();
            writers.shutdownNow();
        }
    }

    private void awaitSocketsClosed() {
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        while (server.isRunning() && hasOpenSessions() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean hasOpenSessions() {
        return gateway.count() > 0;
    }

    /** Settings with the product's defaults; {@link #codec} and {@link #core} are required. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 3001;
        private Duration pingInterval = Duration.ofSeconds(30);
        private Duration writeDelay = DEFAULT_WRITE_DELAY;
        private Duration closeGrace = Duration.ofSeconds(1);
        private Set<String> allowedOrigins = Set.of();
        private DevTokenEndpoint devTokens;
        private PublisherVerifier publishers = PublisherVerifier.none();
        private Map<String, String> healthDetails = Map.of();
        private final List<DependencyProbe> probes = new ArrayList<>();
        private final List<ReadCounter> counters = new ArrayList<>();
        private final List<MeterBinder> meters = new ArrayList<>();
        private int maxThreads = ServerThreads.DEFAULT_MAX;
        private int maxConnectionsPerUser = 20;
        private int maxPendingPerAddress = 16;
        private Duration headerTimeout = Duration.ofSeconds(10);
        private WireCodec codec;
        private Function<ServerAdapters, ChatCore> coreFactory;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 picks a free port (tests). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** How often every socket is pinged; zero turns pings off (silent sockets still close at the idle timeout). */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = Objects.requireNonNull(interval);
            return this;
        }

        /**
         * How long events wait for company before a connection's writer takes them: the ones that reach it
         * meanwhile go out in the same write. Zero writes at once; more than a second is refused (events would
         * wait longer than a reader tolerates, for CPU it hardly saves).
         */
        public Builder writeDelay(Duration delay) {
            if (delay.isNegative() || delay.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("the write delay must be from 0 to 1000 ms, was "
                        + delay.toMillis() + " ms");
            }
            this.writeDelay = delay;
            return this;
        }

        /** How long a dropped socket gets to finish its close handshake before its TCP connection is cut. */
        public Builder closeGrace(Duration grace) {
            this.closeGrace = Objects.requireNonNull(grace);
            return this;
        }

        /** Browser origins allowed to connect besides the server's own page; empty allows any. */
        public Builder allowedOrigins(Set<String> origins) {
            this.allowedOrigins = Set.copyOf(origins);
            return this;
        }

        /** Dev mode: serve {@code POST /dev/token} with these tokens. */
        public Builder devTokens(DevTokenEndpoint tokens) {
            this.devTokens = tokens;
            return this;
        }

        /**
         * How the server API ({@code POST /api/rooms/{room}/messages}) checks its bearer tokens; without it every
         * token is refused (401).
         */
        public Builder publishers(PublisherVerifier verifier) {
            this.publishers = Objects.requireNonNull(verifier);
            return this;
        }

        /** Extra fields of {@code /health}, such as the store and auth mode. */
        public Builder healthDetails(Map<String, String> details) {
            this.healthDetails = Map.copyOf(details);
            return this;
        }

        /**
         * A service this server depends on, probed at every {@code GET /health} and reported there under
         * {@code checks.<name>} as {@code UP} or {@code DOWN}. A {@code required} one down turns the whole answer
         * {@code DOWN} (503: the node cannot do its job); another one down turns it {@code DEGRADED} (still 200).
         * {@code up} may block: a health request waits for it at most 2 s, then counts it down.
         */
        public Builder healthCheck(String name, boolean required, BooleanSupplier up) {
            probes.add(new DependencyProbe(name, required, up));
            return this;
        }

        /**
         * A count kept elsewhere (the bus's), read at every scrape of {@code /metrics} and exposed as the Prometheus
         * counter {@code <name>_total} ({@code name} dotted, as {@code chat.bus.published}).
         */
        public Builder metricsCounter(String name, String description, LongSupplier count) {
            counters.add(new ReadCounter(name, description, count));
            return this;
        }

        /**
         * Meters another part records itself (the H2 store's syncs: a timer and a distribution), bound to the
         * registry {@code /metrics} shows when the server is built.
         */
        public Builder meters(MeterBinder binder) {
            meters.add(Objects.requireNonNull(binder, "binder"));
            return this;
        }

        /** Jetty's socket threads at most; default {@code max(32, 8 × cores)}. */
        public Builder maxThreads(int threads) {
            this.maxThreads = threads;
            return this;
        }

        /** Sockets one user id may hold at once, upgrades in progress included; one more is refused with 429. */
        public Builder maxConnectionsPerUser(int connections) {
            this.maxConnectionsPerUser = connections;
            return this;
        }

        /**
         * HTTP connections one remote address may hold at once that have not become WebSockets (upgrade requests
         * not yet decided, page loads); one more is closed at once.
         */
        public Builder maxPendingPerAddress(int connections) {
            this.maxPendingPerAddress = connections;
            return this;
        }

        /** How long a client has to send a request's headers before it is disconnected. */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder codec(WireCodec codec) {
            this.codec = Objects.requireNonNull(codec);
            return this;
        }

        /**
         * How to build the core this server runs, given the server's side of it: the gateway to its sockets and
         * its metrics. The core's limits apply to the sockets too.
         */
        public Builder core(Function<ServerAdapters, ChatCore> factory) {
            this.coreFactory = Objects.requireNonNull(factory);
            return this;
        }

        public ChatServer build() {
            Objects.requireNonNull(codec, "codec is required");
            Objects.requireNonNull(coreFactory, "core is required");
            return new ChatServer(this);
        }
    }
}
