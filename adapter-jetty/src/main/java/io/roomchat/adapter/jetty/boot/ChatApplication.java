package io.roomchat.adapter.jetty.boot;

import io.roomchat.adapter.jetty.ChatServer;
import io.roomchat.adapter.redis.RedisBus;
import io.roomchat.auth.jwt.Authentication;
import io.roomchat.core.application.ChatCore;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.wire.WireCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the stores, the token verifier, the core and the Jetty server, wired from the options.
 * The only place that knows which adapters exist. Closing it stops the server (sockets get 1001), then closes
 * the store.
 */
public final class ChatApplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatApplication.class);

    private final Storage storage;
    private final Optional<RedisBus> bus;
    private final ChatServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChatApplication(Storage storage, Optional<RedisBus> bus, ChatServer server) {
        this.storage = storage;
        this.bus = bus;
        this.server = server;
    }

    /**
     * Starts a server from settings named as the environment variables {@code java -jar} reads ({@code CHAT_PORT=0}
     * picks a free port), its message store first passed through {@code messageStore}. The seam for tests in other
     * modules: fault tests wrap the store to make it fail. Settings that cannot work fail as they do for {@link Main}.
     */
    public static ChatApplication start(Map<String, String> environment, UnaryOperator<MessageStore> messageStore) {
        return start(ServerOptions.parse(environment), System.nanoTime(), messageStore, Clock.systemUTC());
    }

    /** As {@link #start(ServerOptions)}, the core's rules (bans, token expiry) on {@code clock}: for tests. */
    static ChatApplication start(ServerOptions options, Clock clock) {
        return start(options, System.nanoTime(), UnaryOperator.identity(), clock);
    }

    /** Starts a server from these settings; throws {@link StartupException} for settings that cannot work. */
    static ChatApplication start(ServerOptions options) {
        return start(options, System.nanoTime());
    }

    /** As {@link #start(ServerOptions)}, reporting the time since {@code launchedNanos} in the start-up line. */
    static ChatApplication start(ServerOptions options, long launchedNanos) {
        return start(options, launchedNanos, UnaryOperator.identity(), Clock.systemUTC());
    }

    private static ChatApplication start(ServerOptions options, long launchedNanos,
                                         UnaryOperator<MessageStore> messageStore, Clock clock) {
        // Opening the store (H2 reads its file, runs migrations) overlaps with setting up token checks.
        CompletableFuture<Storage> opening = CompletableFuture.supplyAsync(() -> Storage.open(options),
                task -> new Thread(task, "chat-store-open").start());
        Authentication auth;
        try {
            auth = Authentication.forServer(options.tokens(), options.host);
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            opening.thenAccept(ChatApplication::closeQuietly);
            throw new StartupException("token settings: " + invalid.getMessage(), invalid);
        }
        if (auth.devTokens().isPresent()) {
            LOG.warn("DEV MODE: no CHAT_JWT_SECRET or CHAT_JWKS_URL, so tokens are signed with a random secret and "
                    + "POST /dev/token gives one to anyone who asks. Listening on loopback only. Never expose it.");
        }
        Storage storage = opened(opening);
        Optional<RedisBus> bus = Optional.empty();
        try {
            MessageStore messages = messageStore.apply(storage.messages());
            bus = openBus(options, messages, storage.connections());
            ConnectionStore connections = bus.map(RedisBus::connectionStore).orElse(storage.connections());
            Optional<RedisBus> fanout = bus;
            WireCodec codec = WireCodec.create();
            ChatServer.Builder builder = ChatServer.builder()
                    .host(options.host)
                    .port(options.port)
                    .pingInterval(options.pingInterval)
                    .writeDelay(options.writeDelay)
                    .allowedOrigins(options.origins())
                    .maxConnectionsPerUser(options.maxConnectionsPerUser)
                    .maxPendingPerAddress(options.maxPendingPerAddress)
                    .headerTimeout(options.headerTimeout)
                    .healthDetails(Map.of("store", options.store.label(), "bus", options.bus.label(),
                            "auth", auth.mode()))
                    .codec(codec)
                    .publishers(auth.publisherVerifier())
                    .core(ports -> {
                        ChatCore.Builder core = ChatCore.builder()
                                .connectionStore(connections)
                                .messageStore(messages)
                                .readPositions(storage.readPositions())
                                .roomBans(storage.roomBans())
                                .clock(clock)
                                .tokenVerifier(auth.verifier())
                                .gateway(ports.gateway())
                                .metrics(ports.metrics())
                                .eventEncoder(codec)
                                .limits(options.limits());
                        fanout.ifPresent(redis -> core.publisherUsing(redis::publisher));
                        return core.build();
                    });
            storage.reachable().ifPresent(probe -> builder.healthCheck("store", true, probe));
            builder.meters(storage.meters());
            bus.ifPresent(redis -> BusOperations.report(redis, builder));
            auth.devTokens().ifPresent(builder::devTokens);
            if (options.maxThreads != null) {
                builder.maxThreads(options.maxThreads);
            }
            ChatServer server = builder.build();
            server.start();
            LOG.info("roomchat listening on {} (web client {}), store {}, bus {}, auth {}, ready in {} ms",
                    server.webSocketUri(), server.httpUri(), storage.description(), options.bus.label(), auth.mode(),
                    Duration.ofNanos(System.nanoTime() - launchedNanos).toMillis());
            return new ChatApplication(storage, bus, server);
        } catch (RuntimeException failure) {
            bus.ifPresent(RedisBus::close);
            closeQuietly(storage);
            throw failure;
        }
    }

    /**
     * The Redis bus when {@code CHAT_BUS=redis}; Redis must answer at start. A node started without it would take
     * users whose posts no other node sees live, with nothing yet to catch up: better not to start (exit 1, so a
     * supervisor retries) than to start as an island.
     */
    private static Optional<RedisBus> openBus(ServerOptions options, MessageStore messages,
                                              ConnectionStore connections) {
        if (options.bus == BusKind.LOCAL) {
            return Optional.empty();
        }
        if (options.redisUrl == null || options.redisUrl.isBlank()) {
            throw new StartupException("CHAT_BUS=redis needs CHAT_REDIS_URL (redis://host:port)");
        }
        try {
            return Optional.of(RedisBus.connect(options.redisUrl, messages, connections));
        } catch (IllegalArgumentException invalid) {
            throw new StartupException("Redis bus: " + invalid.getMessage(), invalid);
        } catch (IllegalStateException unreachable) {
            // Refused rather than started without the bus: see docs/cluster.md, "What each failure does".
            throw StartupException.unavailable("Redis bus: " + unreachable.getMessage(), unreachable);
        }
    }

    private static Storage opened(CompletableFuture<Storage> opening) {
        try {
            return opening.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    public ChatServer server() {
        return server;
    }

    void awaitStop() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("roomchat stopping");
        try {
            server.close();
        } finally {
            bus.ifPresent(RedisBus::close);
            closeQuietly(storage);
        }
        LOG.info("roomchat stopped");
    }

    private static void closeQuietly(Storage storage) {
        try {
            storage.close();
        } catch (Exception failure) {
            LOG.error("closing the store failed", failure);
        }
    }
}
