package io.roomchat.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbSettingsTest {

    @Test
    void the_environment_names_the_tables_region_and_a_local_endpoint() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(Map.of(
                "CONNECTIONS_TABLE", "prod-connections",
                "MESSAGES_TABLE", "prod-messages",
                "AWS_REGION", "eu-west-1",
                "CHAT_DYNAMODB_ENDPOINT", "http://127.0.0.1:8000"));

        assertThat(settings.connectionsTable()).isEqualTo("prod-connections");
        assertThat(settings.messagesTable()).isEqualTo("prod-messages");
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8000"));
    }

    @Test
    void an_empty_environment_gives_the_defaults() {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(Map.of("MESSAGES_TABLE", " "));

        assertThat(settings).isEqualTo(DynamoDbSettings.defaults());
        assertThat(settings.region()).isNull();
        assertThat(settings.endpoint()).isNull();
    }

    @Test
    void aws_default_region_is_the_fallback_for_aws_region() {
        assertThat(DynamoDbSettings.fromEnvironment(Map.of("AWS_DEFAULT_REGION", "ap-south-1")).region())
                .isEqualTo("ap-south-1");
    }

    @Test
    void a_local_endpoint_gets_a_region_and_placeholder_credentials_without_asking_anyone() {
        try (DynamoDbClient client = DynamoDbSettings.defaults().withEndpoint(URI.create("http://127.0.0.1:8000"))
                .clientBuilder().build()) {
            var configuration = client.serviceClientConfiguration();

            assertThat(configuration.region()).isEqualTo(Region.US_EAST_1);
            assertThat(configuration.endpointOverride()).contains(URI.create("http://127.0.0.1:8000"));
            assertThat(configuration.overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(10));
            assertThat(configuration.overrideConfiguration().retryStrategy().orElseThrow().maxAttempts())
                    .isEqualTo(4);
        }
    }

    @Test
    void invalid_settings_are_refused_when_made() {
        DynamoDbSettings defaults = DynamoDbSettings.defaults();

        assertThatThrownBy(() -> defaults.withTables("chat", "chat")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withTables("no spaces", "chat-messages"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withRetries(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withRetries(3, Duration.ZERO, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
