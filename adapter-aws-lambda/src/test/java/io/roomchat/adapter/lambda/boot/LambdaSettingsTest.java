package io.roomchat.adapter.lambda.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.Limits;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaSettingsTest {
    private static final String SECRET = "a-shared-secret-of-at-least-thirty-two-bytes";

    @Test
    void the_templates_variables_configure_sns_fan_out() {
        LambdaSettings settings = LambdaSettings.fromEnvironment(Map.of(
                "AWS_REGION", "eu-west-2", "CONNECTIONS_TABLE", "stack-ConnectionsTable-1",
                "MESSAGES_TABLE", "stack-MessagesTable-1", "CHAT_FANOUT", "sns",
                "CHAT_TOPIC_ARN", "arn:aws:sns:eu-west-2:1:t", "CHAT_JWT_SECRET", SECRET,
                "CHAT_JWKS_URL", "", "CHAT_CALLBACK_URL", "https://abc.execute-api.eu-west-2.amazonaws.com/dev",
                "CHAT_MAX_IN_FLIGHT", "32"));

        assertThat(settings.snsFanout()).isTrue();
        assertThat(settings.tables().connectionsTable()).isEqualTo("stack-ConnectionsTable-1");
        assertThat(settings.tokens().jwksUrl()).as("an empty template parameter is unset").isEmpty();
        assertThat(settings.tokens().jwksAllowHttp()).isFalse();
        assertThat(settings.callbackUrl()).contains(URI.create("https://abc.execute-api.eu-west-2.amazonaws.com/dev"));
        assertThat(settings.maxInFlight()).isEqualTo(32);
    }

    @Test
    void a_plain_http_jwks_url_is_accepted_only_when_allowed_on_purpose() {
        Map<String, String> httpJwks = Map.of("CHAT_FANOUT", "direct", "CHAT_JWKS_URL", "http://127.0.0.1:9/jwks.json");
        LambdaSettings allowed = LambdaSettings.fromEnvironment(Map.of("CHAT_FANOUT", "direct",
                "CHAT_JWKS_URL", "http://127.0.0.1:9/jwks.json", "CHAT_JWKS_ALLOW_HTTP", "true"));

        assertThat(LambdaSettings.fromEnvironment(httpJwks).tokens().jwksAllowHttp()).isFalse();
        assertThatThrownBy(() -> ServerlessWiring.wire(LambdaSettings.fromEnvironment(httpJwks)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThat(allowed.tokens().jwksAllowHttp()).isTrue();
        try (ServerlessWiring wiring = ServerlessWiring.wire(allowed)) {
            assertThat(wiring.chat()).isNotNull();
        }
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("CHAT_FANOUT", "direct",
                "CHAT_JWKS_URL", "http://127.0.0.1:9/jwks.json", "CHAT_JWKS_ALLOW_HTTP", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CHAT_JWKS_ALLOW_HTTP");
    }

    @Test
    void direct_fan_out_ignores_a_topic() {
        LambdaSettings settings = LambdaSettings.fromEnvironment(Map.of("CHAT_FANOUT", "direct",
                "CHAT_TOPIC_ARN", "arn:aws:sns:eu-west-2:1:t", "CHAT_JWT_SECRET", SECRET));

        assertThat(settings.snsFanout()).isFalse();
    }

    @Test
    void a_function_with_sns_fan_out_but_no_topic_does_not_start() {
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("CHAT_FANOUT", "sns",
                "CHAT_JWT_SECRET", SECRET))).hasMessageContaining("CHAT_TOPIC_ARN");
    }

    @Test
    void a_function_that_verifies_no_tokens_starts_without_a_key() {
        LambdaSettings settings = LambdaSettings.fromEnvironment(Map.of("CHAT_FANOUT", "direct"));

        assertThat(settings.tokens().secret()).isEmpty();
        assertThat(settings.tokens().jwksUrl()).isEmpty();
    }

    @Test
    void frames_are_rate_limited_by_default_as_on_the_self_hosted_server_and_zero_turns_it_off() {
        LambdaSettings defaults = LambdaSettings.fromEnvironment(Map.of("CHAT_JWT_SECRET", SECRET));
        LambdaSettings tuned = LambdaSettings.fromEnvironment(Map.of("CHAT_JWT_SECRET", SECRET,
                "CHAT_RATE_PER_SECOND", "5", "CHAT_RATE_BURST", "7"));
        LambdaSettings off = LambdaSettings.fromEnvironment(Map.of("CHAT_JWT_SECRET", SECRET,
                "CHAT_RATE_PER_SECOND", "0"));

        assertThat(defaults.rateLimited()).isTrue();
        assertThat(defaults.limits()).isEqualTo(Limits.defaults());
        assertThat(tuned.limits().framesPerSecond()).isEqualTo(5);
        assertThat(tuned.limits().frameBurst()).isEqualTo(7);
        assertThat(off.rateLimited()).isFalse();
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("CHAT_JWT_SECRET", SECRET,
                "CHAT_RATE_BURST", "0"))).hasMessageContaining("CHAT_RATE_BURST");
    }
}
