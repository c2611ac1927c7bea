package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.auth.jwt.JwtTokenIssuer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole server, started through its composition root as {@code java -jar} would, on a free loopback port
 * with an HS256 secret (or in dev mode) and whatever extra settings a test needs.
 */
final class TestServer implements AutoCloseable {
    static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";
    private static final JwtTokenIssuer TOKENS = JwtTokenIssuer.hs256(SECRET);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ChatApplication application;

    private TestServer(ChatApplication application) {
        this.application = application;
    }

    /** Memory store, HS256 with {@link #SECRET}, a free port; {@code settings} are environment variables. */
    static TestServer start(Map<String, String> settings) {
        return new TestServer(ChatApplication.start(ServerOptions.parse(environment(settings))));
    }

    /** As {@link #start(Map)}, the core on {@code clock}. */
    static TestServer start(Map<String, String> settings, Clock clock) {
        return new TestServer(ChatApplication.start(ServerOptions.parse(environment(settings)), clock));
    }

    private static Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>();
        environment.put("CHAT_PORT", "0");
        environment.put("CHAT_STORE", "memory");
        environment.put("CHAT_JWT_SECRET", SECRET);
        environment.putAll(settings);
        environment.values().removeIf(String::isEmpty);
        return environment;
    }

    static TestServer start() {
        return start(Map.of());
    }

    /** Dev mode: no secret, no JWKS URL. */
    static TestServer startDevMode(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("CHAT_JWT_SECRET", "");
        return start(environment);
    }

    /**
     * Runs {@code java -jar} as {@link Main} does (memory store unless {@code settings} name one); expects it to
     * refuse with the bad-settings exit code, and returns what it printed.
     */
    static String startupError(Map<String, String> settings, String... flags) {
        return startupError(Main.BAD_SETTINGS, settings, flags);
    }

    /** As {@link #startupError(Map, String...)}, expecting {@code exitCode}. */
    static String startupError(int exitCode, Map<String, String> settings, String... flags) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.putIfAbsent("CHAT_STORE", "memory");
        StringWriter errors = new StringWriter();
        String[] args = Stream.concat(Stream.of("--port", "0"),
                Arrays.stream(flags)).toArray(String[]::new);
        int exit = ServerOptions.commandLine(new Main(), environment).setErr(new PrintWriter(errors, true))
                .execute(args);

        assertThat(exit).as("exit code; printed: %s", errors).isEqualTo(exitCode);
        return errors.toString().strip();
    }

    static String tokenFor(String userId) {
        return TOKENS.issue(userId, userId, Duration.ofHours(1));
    }

    /** A token for the server API: {@code scope} such as {@code chat:publish}. */
    static String tokenWithScope(String userId, String scope) {
        return TOKENS.scope(scope).issue(userId, null, Duration.ofHours(1));
    }

    /** As {@link #tokenFor(String)}, with more claims (the access grants). */
    static String tokenFor(String userId, Map<String, ?> claims) {
        return TOKENS.issue(userId, userId, Duration.ofHours(1), claims);
    }

    ChatApplication application() {
        return application;
    }

    URI webSocket() {
        return application.server().webSocketUri();
    }

    URI http(String path) {
        return application.server().httpUri().resolve(path);
    }

    int openConnections() {
        return application.server().openConnections();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(http(path)).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(http(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        application.close();
    }
}
