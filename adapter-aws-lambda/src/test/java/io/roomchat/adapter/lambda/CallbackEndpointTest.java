package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackEndpointTest {
    private final List<URI> built = new ArrayList<>();

    @Test
    void without_configuration_the_endpoint_is_learned_from_the_first_event() {
        CallbackEndpoint endpoint = new CallbackEndpoint(Optional.empty(), this::record);

        endpoint.learnFrom(LambdaEvents.connect("conn-1", "t"));

        assertThat(endpoint.current()).contains(URI.create("https://abcdef1234.execute-api.eu-west-2.amazonaws.com/dev"));
    }

    @Test
    void a_configured_endpoint_wins_over_events_and_payloads() {
        URI configured = URI.create("https://chat.example.com/live");
        CallbackEndpoint endpoint = new CallbackEndpoint(Optional.of(configured), this::record);

        endpoint.learnFrom(LambdaEvents.connect("conn-1", "t"));
        endpoint.learn(URI.create("https://elsewhere.example.com/dev"));

        assertThat(endpoint.current()).contains(configured);
    }

    @Test
    void one_client_is_built_per_endpoint() {
        CallbackEndpoint endpoint = new CallbackEndpoint(Optional.empty(), this::record);
        endpoint.learn(URI.create("http://127.0.0.1:1/dev"));

        endpoint.client();
        endpoint.client();

        assertThat(built).containsExactly(URI.create("http://127.0.0.1:1/dev"));
    }

    private software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient record(URI uri) {
        built.add(uri);
        return Chats.managementApi(uri);
    }
}
