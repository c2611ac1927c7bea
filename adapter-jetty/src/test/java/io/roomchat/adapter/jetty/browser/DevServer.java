package io.roomchat.adapter.jetty.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.adapter.jetty.boot.ChatApplication;
import io.roomchat.adapter.jetty.boot.TestApplications;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The real server in this JVM, in dev mode (no secret, no JWKS URL), on loopback, with the memory or H2 store. */
final class DevServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ChatApplication application;

    private DevServer(ChatApplication application) {
        this.application = application;
    }

    /** In-memory store; port 0 picks a free one, a given port lets a test restart the server where it was. */
    static DevServer inMemory(int port) {
        return inMemory(port, Map.of());
    }

    /** As {@link #inMemory(int)}, with extra settings (environment variables). */
    static DevServer inMemory(int port, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("CHAT_STORE", "memory");
        return start(port, environment);
    }

    /** The H2 store in {@code dataDir}: started again on the same directory and port, it is the same server. */
    static DevServer h2(int port, Path dataDir) {
        return h2(port, dataDir, Map.of());
    }

    /** As {@link #h2(int, Path)}, with extra settings (environment variables). */
    static DevServer h2(int port, Path dataDir, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("CHAT_STORE", "h2");
        environment.put("CHAT_DATA_DIR", dataDir.toString());
        return start(port, environment);
    }

    private static DevServer start(int port, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("CHAT_PORT", Integer.toString(port));
        // Every browser of a test comes from 127.0.0.1, each keeping up to six page connections open: like clients
        // behind one NAT, they need more than the per-address default of 16.
        environment.putIfAbsent("CHAT_MAX_PENDING_PER_ADDRESS", "64");
        return new DevServer(TestApplications.start(environment));
    }

    URI pageUri() {
        return application.server().httpUri();
    }

    URI webSocketUri() {
        return application.server().webSocketUri();
    }

    int port() {
        return application.server().port();
    }

    int openConnections() {
        return application.server().openConnections();
    }

    /** A token from {@code POST /dev/token}, as the page gets one. */
    String devToken(String userId, String name) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("userId", userId, "name", name));
        HttpRequest request = HttpRequest.newBuilder(pageUri().resolve("/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("POST /dev/token answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("token").asText();
    }

    @Override
    public void close() {
        application.close();
    }
}
