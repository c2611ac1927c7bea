package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dev mode (SPEC §3): a random secret, loopback only, a loud warning, and {@code POST /dev/token}. */
class DevModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startDevMode(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_dev_token_opens_a_connection() throws Exception {
        HttpResponse<String> response = server.post("/dev/token", "{\"userId\":\"dev-alice\",\"name\":\"Alice\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        String token = JSON.readTree(response.body()).path("token").asText();
        assertThat(token).isNotBlank();
        try (WsTestClient alice = WsTestClient.connect(server.webSocket(), token)) {
            assertThat(alice.join("room-dev", "Alice").path("statusCode").asInt()).isEqualTo(200);
            alice.post("room-dev", "hi");
            assertThat(alice.nextEvent().path("userId").asText()).isEqualTo("dev-alice");
        }
        assertThat(JSON.readTree(server.get("/health").body()).path("auth").asText()).isEqualTo("dev");
    }

    @Test
    void a_token_from_a_test_secret_does_not_work_in_dev_mode() {
        assertThat(WsTestClient.refusedStatus(
                WsTestClient.withToken(server.webSocket(), TestServer.tokenFor("alice")), Map.of()))
                .isEqualTo(401);
    }

    @Test
    void the_dev_token_endpoint_refuses_bad_requests() {
        assertThat(server.post("/dev/token", "not json").statusCode()).isEqualTo(400);
        assertThat(server.post("/dev/token", "{\"name\":\"nobody\"}").statusCode()).isEqualTo(400);
        assertThat(server.post("/dev/token", "{\"userId\":\"u\",\"name\":\"" + "n".repeat(65) + "\"}")
                .statusCode()).isEqualTo(400);
        assertThat(server.get("/dev/token").statusCode()).isEqualTo(405);
    }

    @Test
    void dev_mode_refuses_to_listen_beyond_loopback() {
        StringWriter errors = new StringWriter();
        int exit = ServerOptions.commandLine(new Main(), Map.of("CHAT_STORE", "memory"))
                .setErr(new PrintWriter(errors, true))
                .execute("--host", "0.0.0.0", "--port", "0");

        assertThat(exit).isEqualTo(Main.BAD_SETTINGS);
        assertThat(errors.toString()).contains("dev mode").contains("loopback").contains("0.0.0.0");
    }
}
