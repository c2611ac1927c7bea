package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.adapter.jetty.Eventually;
import io.roomchat.testkit.protocol.WsTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /health}, {@code /metrics} and the web client, on a server with a real secret (not dev mode). */
class OperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode health() throws Exception {
        HttpResponse<String> response = server.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static int connections() {
        try {
            return health().path("connections").asInt();
        } catch (Exception e) {
            throw new AssertionError("GET /health failed", e);
        }
    }

    @Test
    void health_reports_up_with_the_live_connection_count_store_and_auth_mode() throws Exception {
        // The other tests' sockets are closed on the server's threads: start once they are gone.
        Eventually.await(() -> connections() == 0);
        try (WsTestClient alice = WsTestClient.connect(server.webSocket(), TestServer.tokenFor("alice"));
             WsTestClient bob = WsTestClient.connect(server.webSocket(), TestServer.tokenFor("bob"))) {
            // A client's upgrade completes before the server has registered its socket.
            Eventually.await(() -> connections() == 2);
            JsonNode health = health();

            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("connections").asInt()).isEqualTo(2);
            assertThat(health.path("store").asText()).isEqualTo("memory");
            assertThat(health.path("auth").asText()).isEqualTo("hs256");
        }
    }

    @Test
    void metrics_are_prometheus_text_counting_connections_frames_messages_deliveries_and_rejections() {
        try (WsTestClient alice = WsTestClient.connect(server.webSocket(), TestServer.tokenFor("alice"))) {
            alice.join("room-metrics", "Alice");
            alice.post("room-metrics", "counted");
            alice.sendText("not json");
            alice.nextReply();

            HttpResponse<String> response = server.get("/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(response.body())
                    .containsPattern("(?m)^chat_connections \\d")
                    .containsPattern("(?m)^chat_frames_in_total [1-9]")
                    .containsPattern("(?m)^chat_messages_posted_total [1-9]")
                    .containsPattern("(?m)^chat_deliveries_total\\{outcome=\"delivered\"} [1-9]")
                    .containsPattern("(?m)^chat_frames_rejected_total\\{status=\"400\"} [1-9]")
                    .containsPattern("(?m)^chat_replies_total\\{status=\"200\"} [1-9]");
        }
    }

    @Test
    void the_web_client_is_served_at_the_root() {
        HttpResponse<String> page = server.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).containsIgnoringCase("<html");
        assertThat(server.get("/index.html").statusCode()).isEqualTo(200);
        assertThat(server.get("/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void there_is_no_dev_token_endpoint_outside_dev_mode() {
        assertThat(server.post("/dev/token", "{\"userId\":\"u\",\"name\":\"U\"}").statusCode())
                .isIn(404, 405);
    }
}
