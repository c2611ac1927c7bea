package io.roomchat.adapter.jetty.boot;

import io.roomchat.adapter.jetty.logging.LogFormat;
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
 * Every setting of the self-hosted server (SPEC §3 and §4). Each is a flag and an environment variable
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
            description = "HS256 shared secret, at least 32 bytes (its UTF-8 bytes are the key). CHAT_JWT_SECRET")
    String jwtSecret;

    @Option(names = "--jwks-url", paramLabel = "URL",
            description = "JWKS URL for RS256/ES256 tokens (Auth0, Cognito, Keycloak). CHAT_JWKS_URL")
    URI jwksUrl;

    @Option(names = "--jwt-issuer", paramLabel = "ISS", description = "Required `iss` claim, if set. CHAT_JWT_ISSUER")
    String jwtIssuer;

    @Option(names = "--jwt-audience", paramLabel = "AUD",
            description = "Required `aud` claim, if set. CHAT_JWT_AUDIENCE")
    String jwtAudience;

    @Option(names = "--store", paramLabel = "STORE", defaultValue = "h2",
            description = "Message store: h2 (a file under the data dir), memory or dynamodb. CHAT_STORE. Default: h2")
    StoreKind store;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./chat-data",
            description = "Where the h2 store keeps its file. CHAT_DATA_DIR. Default: ./chat-data")
    Path dataDir;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "With --store dynamodb: a local DynamoDB-compatible endpoint, where missing tables are "
                    + "created. CHAT_DYNAMODB_ENDPOINT. Default: AWS itself (region from AWS_REGION, table from "
                    + "MESSAGES_TABLE, default chat-messages)")
    URI dynamodbEndpoint;

    @Option(names = "--allowed-origins", paramLabel = "ORIGINS",
            description = "Comma-separated browser origins allowed to connect besides the server's own page "
                    + "(e.g. https://chat.example.com). CHAT_ALLOWED_ORIGINS. Default: any origin")
    String allowedOrigins;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Log lines as text or json (one object per line, with the connection id as a field; "
                    + "tokens masked in both). CHAT_LOG_FORMAT. Default: text")
    LogFormat logFormat;

    @Option(names = "--max-frame-bytes", paramLabel = "N", defaultValue = "32768",
            description = "Largest client frame; a bigger one closes the socket with 1009. CHAT_MAX_FRAME_BYTES. "
                    + "Default: 32768")
    int maxFrameBytes;

    @Option(names = "--max-message-chars", paramLabel = "N", defaultValue = "4000",
            description = "Longest message text; longer gets a 413. CHAT_MAX_MESSAGE_CHARS. Default: 4000")
    int maxMessageChars;

    @Option(names = "--rate-per-second", paramLabel = "N", defaultValue = "10",
            description = "Frames per second per connection; more get a 429. CHAT_RATE_PER_SECOND. Default: 10")
    int ratePerSecond;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "20",
            description = "Burst allowed above the rate. CHAT_RATE_BURST. Default: 20")
    int rateBurst;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "10m",
            converter = DurationConverter.class,
            description = "Close a socket heard nothing from (no frame, no pong) for this long. CHAT_IDLE_TIMEOUT. "
                    + "Default: 10m")
    Duration idleTimeout;

    @Option(names = "--ping-interval", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "How often the server pings every socket; 0s turns pings off. CHAT_PING_INTERVAL. "
                    + "Default: 30s")
    Duration pingInterval;

    @Option(names = "--outbound-queue", paramLabel = "FRAMES", defaultValue = "1024",
            description = "Frames that may wait for a slow reader before it is disconnected (1008). "
                    + "CHAT_OUTBOUND_QUEUE. Default: 1024")
    int outboundQueue;

    @Option(names = "--history-page-max", paramLabel = "N", defaultValue = "100",
            description = "Largest history page a client may ask for. CHAT_HISTORY_PAGE_MAX. Default: 100")
    int historyPageMax;

    @Option(names = "--max-threads", paramLabel = "N",
            description = "Jetty's socket threads at most. CHAT_MAX_THREADS. Default: 8 per core, at least 32")
    Integer maxThreads;

    /** Parses flags over the given environment, as {@link Main} does. */
    static ServerOptions parse(Map<String, String> environment, String... args) {
        ServerOptions options = new ServerOptions();
        commandLine(options, environment).parseArgs(args);
        return options;
    }

    static CommandLine commandLine(Object command, Map<String, String> environment) {
        return new CommandLine(command)
                .setDefaultValueProvider(new EnvironmentDefaults(environment))
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    Limits limits() {
        Limits defaults = Limits.defaults();
        return new Limits(maxFrameBytes, maxMessageChars, ratePerSecond, rateBurst, idleTimeout,
                Math.min(defaults.historyPageDefault(), historyPageMax), historyPageMax, outboundQueue);
    }

    Set<String> origins() {
        if (allowedOrigins == null) {
            return Set.of();
        }
        return Arrays.stream(allowedOrigins.split(",")).map(String::trim).filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    Optional<String> secret() {
        return Optional.ofNullable(jwtSecret).filter(secret -> !secret.isEmpty());
    }

    Optional<URI> jwks() {
        return Optional.ofNullable(jwksUrl);
    }

    boolean devMode() {
        return secret().isEmpty() && jwks().isEmpty();
    }
}
