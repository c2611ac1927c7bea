package io.roomchat.adapter.lambda;

import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.core.port.out.TokenVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/** A {@link ServerlessChat} on in-memory stores whose Management API is a {@link ManagementApiStub}. */
final class Chats {
    /** Accepts {@code valid-<userId>}; anything else is refused. */
    static final TokenVerifier TOKENS = token -> token.startsWith("valid-")
            ? new TokenVerification.Verified(new Identity(new UserId(token.substring("valid-".length()))))
            : new TokenVerification.Refused("bad signature");

    final ConnectionStore connections = InMemoryChat.connectionStore();
    final MessageStore messages = InMemoryChat.messageStore();
    final RecordingSns sns = new RecordingSns();
    final ManagementApiStub api;

    Chats(ManagementApiStub api) {
        this.api = api;
    }

    ServerlessChat.Builder builder() {
        return ServerlessChat.builder()
                .connectionStore(connections)
                .messageStore(messages)
                .readPositions(InMemoryChat.readPositions())
                .tokenVerifier(TOKENS)
                .managementApi(Chats::managementApi)
                .callbackEndpoint(api.endpoint());
    }

    ServerlessChat direct() {
        return builder().directFanout().build();
    }

    ServerlessChat viaSns() {
        return builder().snsFanout(sns, "arn:aws:sns:eu-west-2:123456789012:fanout").build();
    }

    private static final java.util.Map<java.net.URI, ApiGatewayManagementApiClient> CLIENTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** One client per endpoint for the whole test run: building SDK clients is what makes a first test slow. */
    static ApiGatewayManagementApiClient managementApi(java.net.URI endpoint) {
        return CLIENTS.computeIfAbsent(endpoint, uri -> ApiGatewayManagementApiClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(uri)
                .build());
    }
}
