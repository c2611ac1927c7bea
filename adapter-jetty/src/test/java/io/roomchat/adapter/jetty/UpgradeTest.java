package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.WsTestClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The upgrade: a token is required (query or Bearer header), a refusal is a 401 that stores nothing. */
class UpgradeTest {
    private JettyTestServer chat;

    @BeforeEach
    void start() {
        chat = JettyTestServer.start(Limits.defaults(),
                settings -> settings.allowedOrigins(Set.of("https://chat.example.com")));
    }

    @AfterEach
    void stop() {
        chat.close();
    }

    private int refusalOf(String token) {
        return WsTestClient.refusedStatus(WsTestClient.withToken(chat.endpoint(), token), Map.of());
    }

    private void assertNothingStored() {
        assertThat(chat.connections.storedRecords()).isZero();
        assertThat(chat.server.openConnections()).isZero();
    }

    @Test
    void an_upgrade_without_a_token_is_refused_with_401_and_stores_nothing() {
        assertThat(WsTestClient.refusedStatus(chat.endpoint(), Map.of())).isEqualTo(401);
        assertThat(refusalOf("")).isEqualTo(401);

        assertNothingStored();
    }

    @Test
    void a_garbage_token_is_refused_with_401() {
        assertThat(refusalOf("not-a-jwt")).isEqualTo(401);
        assertThat(WsTestClient.refusedStatus(chat.endpoint(), Map.of("Authorization", "Bearer garbage")))
                .isEqualTo(401);

        assertNothingStored();
    }

    @Test
    void an_expired_token_is_refused_with_401() {
        String expired = JettyTestServer.TOKENS
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)))
                .issue("late-user", "Late", Duration.ofMinutes(5));

        assertThat(refusalOf(expired)).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void a_token_signed_with_another_secret_is_refused_with_401() {
        String forged = io.roomchat.auth.jwt.JwtTokenIssuer.hs256("another-secret-that-is-also-32-bytes-long")
                .issue("mallory", "Mallory", Duration.ofHours(1));

        assertThat(refusalOf(forged)).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void a_bearer_token_in_the_authorization_header_is_accepted() {
        try (WsTestClient client = WsTestClient.connect(chat.endpoint(),
                Map.of("Authorization", "Bearer " + JettyTestServer.tokenFor("header-user")))) {
            JsonAssert.ok(client.join("room-1", "Header User"));
            assertThat(chat.connections.storedRecords()).isEqualTo(1);
        }
    }

    @Test
    void an_origin_outside_the_allowlist_is_refused_with_403() {
        var url = WsTestClient.withToken(chat.endpoint(), JettyTestServer.tokenFor("someone"));

        assertThat(WsTestClient.refusedStatus(url, Map.of("Origin", "https://evil.example.net"))).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void listed_origins_the_servers_own_page_and_non_browser_clients_may_connect() {
        var url = WsTestClient.withToken(chat.endpoint(), JettyTestServer.tokenFor("someone"));
        String ownPage = "http://127.0.0.1:" + chat.server.port();

        for (Map<String, String> headers : java.util.List.of(Map.of("Origin", "https://chat.example.com"),
                Map.of("Origin", ownPage), Map.<String, String>of())) {
            try (WsTestClient client = WsTestClient.connect(url, headers)) {
                JsonAssert.ok(client.join("room-1", "Someone"));
            }
        }
    }

    @Test
    void a_refused_upgrade_answers_a_fixed_body_that_never_contains_the_token() throws Exception {
        String garbage = "not-a-jwt-but-secret-looking";
        String valid = JettyTestServer.tokenFor("someone");

        RawHttp.Answer unauthorized = RawHttp.exchange(chat.endpoint(),
                RawHttp.upgradeRequest(chat.endpoint(), "/?token=" + garbage));
        RawHttp.Answer forbidden = RawHttp.exchange(chat.endpoint(),
                RawHttp.upgradeRequest(chat.endpoint(), "/?token=" + valid, "Origin: https://evil.example.net"));
        RawHttp.Answer missing = RawHttp.exchange(chat.endpoint(), "GET /no-such-page?token=" + valid
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.body()).isEqualTo("a valid token is required");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).isEqualTo("origin not allowed");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain(valid).doesNotContain("token");
        assertNothingStored();
    }
}
