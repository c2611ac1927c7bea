package io.roomchat.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.adapter.jetty.boot.ChatApplication;
import io.roomchat.auth.jwt.JwtTokenIssuer;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The self-hosted server as {@code java -jar} wires it, started in this JVM through its composition root on a free
 * loopback port, with HS256 tokens and the product's default limits. Tests see it only from outside: WebSockets,
 * {@code /health}.
 */
public final class LiveServer implements AutoCloseable {
    public static final String SECRET = "resilience-tests-hs256-secret-of-at-least-32-bytes";
    private static final JwtTokenIssuer TOKENS = JwtTokenIssuer.hs256(SECRET);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatApplication application;

    private LiveServer(ChatApplication application) {
        this.application = application;
    }

    /** Memory store unless {@code settings} (environment variables, such as {@code CHAT_STORE}) say otherwise. */
    public static LiveServer start(Map<String, String> settings) {
        return start(settings, UnaryOperator.identity());
    }

    /** As {@link #start(Map)}, with the server's message store passed through {@code messageStore}. */
    public static LiveServer start(Map<String, String> settings, UnaryOperator<MessageStore> messageStore) {
        return new LiveServer(ChatApplication.start(environment(settings), messageStore));
    }

    /** The settings a server of these tests runs with, for this JVM or a child one. */
    public static Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>();
        environment.put("CHAT_HOST", "127.0.0.1");
        environment.put("CHAT_PORT", "0");
        environment.put("CHAT_STORE", "memory");
        environment.put("CHAT_JWT_SECRET", SECRET);
        environment.putAll(settings);
        return environment;
    }

    public static String tokenFor(String userId) {
        return TOKENS.issue(userId, userId, Duration.ofHours(1));
    }

    /** As {@link #tokenFor(String)}, with more claims (the access grants: {@code "mod" -> List.of("team-*")}). */
    public static String tokenFor(String userId, Map<String, ?> claims) {
        return TOKENS.issue(userId, userId, Duration.ofHours(1), claims);
    }

    public URI webSocket() {
        return application.server().webSocketUri();
    }

    public WsTestClient connect(String userId) {
        return WsTestClient.connect(webSocket(), tokenFor(userId));
    }

    public Health health() {
        return Health.of(application.server().httpUri());
    }

    @Override
    public void close() {
        application.close();
    }

    /** What {@code GET /health} says. */
    public record Health(int httpStatus, String status, int connections) {
        public static Health of(URI server) {
            HttpRequest request = HttpRequest.newBuilder(server.resolve("/health")).timeout(Duration.ofSeconds(30))
                    .GET().build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode body = JSON.readTree(response.body());
                return new Health(response.statusCode(), body.path("status").asText(), body.path("connections")
                        .asInt(-1));
            } catch (IOException e) {
                throw new AssertionError("GET /health failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        public boolean isUp() {
            return httpStatus == 200 && "UP".equals(status);
        }
    }
}
