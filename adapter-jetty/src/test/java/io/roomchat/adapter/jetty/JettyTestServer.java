package io.roomchat.adapter.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.auth.jwt.JwtTokenIssuer;
import io.roomchat.auth.jwt.JwtTokenVerifier;
import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A {@link ChatServer} wired by hand on a free loopback port: in-memory stores (the connection store recorded),
 * HS256 tokens, and the limits and settings a test asks for.
 */
final class JettyTestServer implements AutoCloseable {
    static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";
    static final JwtTokenIssuer TOKENS = JwtTokenIssuer.hs256(SECRET);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    final RecordingConnectionStore connections = new RecordingConnectionStore(InMemoryChat.connectionStore());
    final ChatServer server;

    private JettyTestServer(Limits limits, Consumer<ChatServer.Builder> settings) {
        ChatServer.Builder builder = ChatServer.builder()
                .host("127.0.0.1")
                .port(0)
                .codec(io.roomchat.wire.WireCodec.create())
                .core(ports -> ChatCore.builder()
                        .connectionStore(connections)
                        .messageStore(InMemoryChat.messageStore())
                        .readPositions(InMemoryChat.readPositions())
                        .tokenVerifier(JwtTokenVerifier.hs256(SECRET).build())
                        .gateway(ports.gateway())
                        .metrics(ports.metrics())
                        .eventEncoder(io.roomchat.wire.WireCodec.create())
                        .limits(limits)
                        .build());
        settings.accept(builder);
        this.server = builder.build();
        server.start();
    }

    static JettyTestServer start(Limits limits, Consumer<ChatServer.Builder> settings) {
        return new JettyTestServer(limits, settings);
    }

    static JettyTestServer start(Limits limits) {
        return start(limits, builder -> { });
    }

    static String tokenFor(String userId) {
        return TOKENS.issue(userId, userId, Duration.ofHours(1));
    }

    URI endpoint() {
        return server.webSocketUri();
    }

    WsTestClient connect(String userId) {
        return WsTestClient.connect(endpoint(), tokenFor(userId));
    }

    /** Connects offering protocol v2. */
    WsTestClient connectV2(String userId) {
        return WsTestClient.connectV2(endpoint(), tokenFor(userId));
    }

    /** The connection count {@code GET /health} reports. */
    int healthConnections() {
        HttpRequest request = HttpRequest.newBuilder(server.httpUri().resolve("/health")).GET().build();
        try {
            String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return JSON.readTree(body).path("connections").asInt(-1);
        } catch (IOException e) {
            throw new AssertionError("GET /health failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
