package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * Where the API Gateway Management API of our WebSocket API lives: configured, or learned from the first event
 * ({@code https://<domainName>/<stage>}), or handed over in an SNS payload. One client per endpoint, built once.
 */
final class CallbackEndpoint implements AutoCloseable {
    private final Optional<URI> configured;
    private final Function<URI, ApiGatewayManagementApiClient> clients;
    private final Map<URI, ApiGatewayManagementApiClient> built = new ConcurrentHashMap<>();
    private volatile URI learned;

    CallbackEndpoint(Optional<URI> configured, Function<URI, ApiGatewayManagementApiClient> clients) {
        this.configured = configured;
        this.clients = clients;
    }

    /** Remembers the endpoint an API Gateway event came through, unless one is configured. */
    void learnFrom(APIGatewayV2WebSocketEvent event) {
        if (configured.isPresent() || learned != null) {
            return;
        }
        var context = event.getRequestContext();
        if (context != null && context.getDomainName() != null && context.getStage() != null) {
            learned = URI.create("https://" + context.getDomainName() + "/" + context.getStage());
        }
    }

    void learn(URI endpoint) {
        if (configured.isEmpty()) {
            learned = endpoint;
        }
    }

    Optional<URI> current() {
        return configured.isPresent() ? configured : Optional.ofNullable(learned);
    }

    ApiGatewayManagementApiClient client() {
        URI endpoint = current().orElseThrow(() -> new IllegalStateException(
                "no API Gateway callback endpoint: set CHAT_CALLBACK_URL or route an API Gateway event first"));
        return built.computeIfAbsent(endpoint, clients);
    }

    @Override
    public void close() {
        built.values().forEach(ApiGatewayManagementApiClient::close);
        built.clear();
    }
}
