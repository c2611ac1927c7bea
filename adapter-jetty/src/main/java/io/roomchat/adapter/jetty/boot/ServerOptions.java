package io.roomchat.adapter.jetty.boot;

import io.roomchat.adapter.jetty.logging.LogFormat;
import io.roomchat.auth.jwt.AccessClaims;
import io.roomchat.auth.jwt.TokenSettings;
import io.roomchat.core.domain.Limits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Every setting of the self-hosted server (limits: docs/protocol.md). Each is a flag and an environment variable
 * ({@code --data-dir} / {@code CHAT_DATA_DIR}); a flag wins. Secrets are better passed in the environment, where
 * other users of the machine cannot read them from the process list.
 */
final class ServerOptions {

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Interface to listen on. CHAT_HOST. Default: 127.0.0.1")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3001",
            description = "TCP port (0 picks a free one). CHAT_PORT. Default: 3001")
    int port;

    @Option(names = "--jwt-secret", paramLabel = "SECRET",
            description = "HS256 shared secret: at least 32 bytes of random data, e.g. `openssl rand -base64 48` "
                    + "(its UTF-8 bytes are the key). CHAT_JWT_SECRET")
    String jwtSecret;

    @Option(names = "--jwks-url", paramLabel = "URL",
            description = "JWKS URL for RS256/ES256 tokens (Auth0, Cognito, Keycloak); https. CHAT_JWKS_URL")
    URI jwksUrl;

    @Option(names = "--jwks-allow-http", paramLabel = "BOOL", defaultValue = "false", arity = "0..1",
            description = "Accept a plain http:// JWKS URL, for a test identity provider on loopback only. "
                    + "CHAT_JWKS_ALLOW_HTTP. Default: false")
    boolean jwksAllowHttp;

    @Option(names = "--jwt-issuer", paramLabel = "ISS", description = "Required `iss` claim, if set. CHAT_JWT_ISSUER")
    String jwtIssuer;

    @Option(names = "--jwt-audience", paramLabel = "AUD",
            description = "Required `aud` claim, if set. CHAT_JWT_AUDIENCE")
    String jwtAudience;

    @Option(names = "--rooms-claim", paramLabel = "NAME", defaultValue = "rooms",
            description = "The token claim listing the room patterns its holder may join (absent: any room); a "
                    + "namespaced name such as https://example.com/rooms works. CHAT_ROOMS_CLAIM. Default: rooms")
    String roomsClaim;

    @Option(names = "--moderator-claim", paramLabel = "NAME", defaultValue = "mod",
            description = "The token claim listing the room patterns its holder moderates. CHAT_MODERATOR_CLAIM. "
                    + "Default: mod")
    String moderatorClaim;

    @Option(names = "--store", paramLabel = "STORE", defaultValue = "h2",
            description = "Message store: h2 (a file under the data dir), memory, dynamodb or postgres. CHAT_STORE. "
                    + "Default: h2")
    StoreKind store;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./chat-data",
            description = "Where the h2 store keeps its file. CHAT_DATA_DIR. Default: ./chat-data")
    Path dataDir;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "With --store dynamodb: a local DynamoDB-compatible endpoint, where missing tables are "
                    + "created. CHAT_DYNAMODB_ENDPOINT. Default: AWS itself (region from AWS_REGION, table from "
                    + "MESSAGES_TABLE, default chat-messages)")
    URI dynamodbEndpoint;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "With --store postgres: the database, jdbc:postgresql://host[:port]/database. "
                    + "CHAT_DATABASE_URL")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER",
            description = "With --store postgres: the database user. CHAT_DATABASE_USER")
    String databaseUser;

    @Option(names = "--database-password", paramLabel = "PASSWORD",
            description = "With --store postgres: the database user's password. CHAT_DATABASE_PASSWORD")
    String databasePassword;
    @Option(names = "--bus", paramLabel = "BUS", defaultValue = "local",
            description = "Fan-out between nodes: local (this process only) or redis (every node sharing the store; "
                    + "docs/cluster.md). CHAT_BUS. Default: local")
    BusKind bus;

    @Option(names = "--redis-url", paramLabel = "URL",
            description = "With --bus redis: redis://[user:password@]host:port of the bus. CHAT_REDIS_URL")
    String redisUrl;

    @Option(names = "--allowed-origins", paramLabel = "ORIGINS",
            description = "Comma-separated browser origins allowed to connect besides the server's own page "
                    + "(e.g. https://chat.example.com). CHAT_ALLOWED_ORIGINS. Default: any origin")
    String allowedOrigins;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Log lines as text or json (one object per line, with the connection id as a field; "
                    + "tokens masked in both). CHAT_LOG_FORMAT. Default: text")
    LogFormat logFormat;

    @Option(names = "--max-frame-bytes", paramLabel = "N",
            description = "Largest client frame; a bigger one closes the socket with 1009. CHAT_MAX_FRAME_BYTES. "
                    + "Default: ${DEFAULT-VALUE}")
    int maxFrameBytes;

    @Option(names = "--max-message-chars", paramLabel = "N",
            description = "Longest message text; longer gets a 413. CHAT_MAX_MESSAGE_CHARS. Default: ${DEFAULT-VALUE}")
    int maxMessageChars;

    @Option(names = "--rate-per-second", paramLabel = "N",
            description = "Frames per second per connection; more get a 429. CHAT_RATE_PER_SECOND. "
                    + "Default: ${DEFAULT-VALUE}")
    int ratePerSecond;

    @Option(names = "--rate-burst", paramLabel = "N",
            description = "Burst allowed above the rate. CHAT_RATE_BURST. Default: ${DEFAULT-VALUE}")
    int rateBurst;

    @Option(names = "--idle-timeout", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Close a socket heard nothing from (no frame, no pong) for this long. CHAT_IDLE_TIMEOUT. "
                    + "Default: ${DEFAULT-VALUE}")
    Duration idleTimeout;

    @Option(names = "--ping-interval", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "How often the server pings every socket; 0s turns pings off. CHAT_PING_INTERVAL. "
                    + "Default: 30s")
    Duration pingInterval;

    @Option(names = "--write-delay", paramLabel = "DURATION", defaultValue = "10ms",
            converter = DurationConverter.class,
            description = "How long events wait for company before they are written to a socket: the ones that "
                    + "reach it meanwhile share one write, saving CPU in busy rooms; 0s writes at once. "
                    + "CHAT_WRITE_DELAY. Default: 10ms")
    Duration writeDelay;

    @Option(names = "--outbound-queue", paramLabel = "FRAMES",
            description = "Frames that may wait for a slow reader before it is disconnected (1008). "
                    + "CHAT_OUTBOUND_QUEUE. Default: ${DEFAULT-VALUE}")
    int outboundQueue;

    @Option(names = "--outbound-queue-bytes", paramLabel = "BYTES",
            description = "Bytes that may wait for a slow reader before it is disconnected (1008). "
                    + "CHAT_OUTBOUND_QUEUE_BYTES. Default: ${DEFAULT-VALUE}")
    int outboundQueueBytes;

    @Option(names = "--history-page-max", paramLabel = "N",
            description = "Largest history page a client may ask for. CHAT_HISTORY_PAGE_MAX. "
                    + "Default: ${DEFAULT-VALUE}")
    int historyPageMax;

    @Option(names = "--presence-max-users", paramLabel = "N",
            description = "Users present in a room above which no presence event is sent (clients ask with "
                    + "onPresence). CHAT_PRESENCE_MAX_USERS. Default: ${DEFAULT-VALUE}")
    int presenceMaxUsers;

    @Option(names = "--max-threads", paramLabel = "N",
            description = "Jetty's socket threads at most. CHAT_MAX_THREADS. Default: 8 per core, at least 32")
    Integer maxThreads;

    @Option(names = "--max-connections-per-user", paramLabel = "N", defaultValue = "20",
            description = "Sockets one user id may hold at once (upgrades in progress count); one more gets a 429. "
                    + "CHAT_MAX_CONNECTIONS_PER_USER. Default: 20")
    int maxConnectionsPerUser;

    @Option(names = "--max-pending-per-address", paramLabel = "N", defaultValue = "16",
            description = "HTTP connections one client address may hold that are not (yet) WebSockets: upgrades in "
                    + "progress, page loads; one more is closed at once. CHAT_MAX_PENDING_PER_ADDRESS. Default: 16")
    int maxPendingPerAddress;

    @Option(names = "--header-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "A client that has not sent a request's headers within this is disconnected. "
                    + "CHAT_HEADER_TIMEOUT. Default: 10s")
    Duration headerTimeout;

    /** Parses flags over the given environment, as {@link Main} does. */
    static ServerOptions parse(Map<String, String> environment, String... args) {
        ServerOptions options = new ServerOptions();
        commandLine(options, environment).parseArgs(args);
        return options;
    }

    static CommandLine commandLine(Object command, Map<String, String> environment) {
        return new CommandLine(command)
                .setDefaultValueProvider(new EnvironmentDefaults(environment, limitDefaults()))
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** The limit options' defaults, from {@link Limits#defaults()}: stated once, in the core. */
    static Map<String, String> limitDefaults() {
        Limits defaults = Limits.defaults();
        return Map.of(
                "--max-frame-bytes", String.valueOf(defaults.maxFrameBytes()),
                "--max-message-chars", String.valueOf(defaults.maxMessageChars()),
                "--rate-per-second", String.valueOf(defaults.framesPerSecond()),
                "--rate-burst", String.valueOf(defaults.frameBurst()),
                "--idle-timeout", defaults.idleTimeout().toString(),
                "--outbound-queue", String.valueOf(defaults.outboundQueueFrames()),
                "--outbound-queue-bytes", String.valueOf(defaults.outboundQueueBytes()),
                "--history-page-max", String.valueOf(defaults.historyPageMax()),
                "--presence-max-users", String.valueOf(defaults.presenceMaxUsers()));
    }

    Limits limits() {
        Limits defaults = Limits.defaults();
        return new Limits(maxFrameBytes, maxMessageChars, ratePerSecond, rateBurst, idleTimeout,
                Math.min(defaults.historyPageDefault(), historyPageMax), historyPageMax, outboundQueue,
                outboundQueueBytes, defaults.maxRoomsPerConnection(), presenceMaxUsers);
    }

    Set<String> origins() {
        if (allowedOrigins == null) {
            return Set.of();
        }
        return Arrays.stream(allowedOrigins.split(",")).map(String::trim).filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The token settings, read as every binding reads them; a secret given blank stays blank (an error). */
    TokenSettings tokens() {
        return new TokenSettings(Optional.ofNullable(jwtSecret), Optional.ofNullable(jwksUrl), jwksAllowHttp,
                Optional.ofNullable(jwtIssuer), Optional.ofNullable(jwtAudience),
                new AccessClaims(roomsClaim, moderatorClaim));
    }
}
