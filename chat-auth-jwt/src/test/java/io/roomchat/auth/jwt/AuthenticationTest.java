package io.roomchat.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One way for every binding to turn the token settings into a verifier, and dev mode only on purpose. */
class AuthenticationTest {
    private static final String SECRET = "a-shared-secret-of-at-least-thirty-two-bytes";

    private static TokenSettings settings(Map<String, String> environment) {
        return TokenSettings.fromEnvironment(environment);
    }

    @Test
    void a_secret_means_hs256_and_a_jwks_url_means_jwks() {
        assertThat(Authentication.forServer(settings(Map.of("CHAT_JWT_SECRET", SECRET)), "0.0.0.0").mode())
                .isEqualTo("hs256");
        assertThat(Authentication.forFunction(settings(Map.of("CHAT_JWKS_URL", "https://id.example/jwks.json")))
                .mode()).isEqualTo("jwks");
    }

    @Test
    void a_blank_secret_beside_a_jwks_url_is_an_unset_template_parameter() {
        Authentication jwks = Authentication.forFunction(settings(Map.of("CHAT_JWT_SECRET", "",
                "CHAT_JWKS_URL", "https://id.example/jwks.json")));

        assertThat(jwks.mode()).isEqualTo("jwks");
        assertThat(jwks.devTokens()).isEmpty();
    }

    @Test
    void a_blank_secret_alone_is_an_error_never_dev_mode() {
        assertThatThrownBy(() -> Authentication.forServer(settings(Map.of("CHAT_JWT_SECRET", " ")), "127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CHAT_JWT_SECRET is set but blank");
    }

    @Test
    void dev_mode_needs_a_server_on_loopback_and_a_function_has_none() {
        Authentication dev = Authentication.forServer(settings(Map.of()), "localhost");

        assertThat(dev.mode()).isEqualTo("dev");
        assertThat(dev.devTokens()).isPresent();
        assertThatThrownBy(() -> Authentication.forServer(settings(Map.of()), "0.0.0.0"))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> Authentication.forFunction(settings(Map.of())))
                .hasMessage("set CHAT_JWT_SECRET or CHAT_JWKS_URL");
    }

    @Test
    void both_a_secret_and_a_jwks_url_is_an_error() {
        assertThatThrownBy(() -> Authentication.forFunction(settings(Map.of("CHAT_JWT_SECRET", SECRET,
                "CHAT_JWKS_URL", "https://id.example/jwks.json")))).hasMessageContaining("not both");
    }

    @Test
    void loopback_names_are_recognised_without_a_lookup() {
        assertThat(DevTokenEndpoint.isLoopbackName("localhost:3001")).isTrue();
        assertThat(DevTokenEndpoint.isLoopbackName("127.0.0.1")).isTrue();
        assertThat(DevTokenEndpoint.isLoopbackName("[::1]:3001")).isTrue();
        assertThat(DevTokenEndpoint.isLoopbackName("localhost.attacker.example")).isFalse();
        assertThat(DevTokenEndpoint.isLoopbackName("127.0.0.1.nip.io")).isFalse();
        assertThat(DevTokenEndpoint.isLoopbackName("[::1].example")).isFalse();
        assertThat(DevTokenEndpoint.isLoopbackName(null)).isFalse();
    }
}
