package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.testkit.DevTokenEndpointContract;
import io.roomchat.testkit.protocol.WsTestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dev mode (docs/protocol.md): a random secret, loopback only, a loud warning, and {@code POST /dev/token}, whose
 * contract this server passes.
 */
class DevModeTest extends DevTokenEndpointContract {
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

    @Override
    protected URI server() {
        return server.http("/");
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
    void dev_mode_refuses_to_listen_beyond_loopback() {
        assertThat(TestServer.startupError(Map.of(), "--host", "0.0.0.0"))
                .contains("dev mode").contains("loopback").contains("0.0.0.0");
    }

    @Test
    void a_secret_set_blank_is_a_start_up_error_not_dev_mode() {
        assertThat(TestServer.startupError(Map.of("CHAT_JWT_SECRET", "  "))).doesNotContain("\n")
                .startsWith("chat-server: token settings: CHAT_JWT_SECRET is set but blank");
        assertThat(TestServer.startupError(Map.of(), "--jwt-secret", ""))
                .startsWith("chat-server: token settings: CHAT_JWT_SECRET is set but blank");
    }
}
