package io.roomchat.adapter.dynamodb;

import io.roomchat.testkit.DynaliteServer;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Clients and storages for tests, pointed at dynalite (or at a stand-in endpoint), with tight timeouts. */
final class LocalDynamo {
    private LocalDynamo() {
    }

    /** Three attempts of at most 2 s within 5 s: enough for a loaded CI machine, short enough for failure tests. */
    static DynamoDbSettings settings(URI endpoint) {
        return DynamoDbSettings.defaults().withEndpoint(endpoint)
                .withRetries(3, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    static DynamoDbClient client(DynamoDbSettings settings, ExecutionInterceptor... interceptors) {
        DynamoDbClientBuilder builder = settings.clientBuilder();
        var config = builder.overrideConfiguration().toBuilder();
        for (ExecutionInterceptor interceptor : interceptors) {
            config.addExecutionInterceptor(interceptor);
        }
        return builder.overrideConfiguration(config.build()).build();
    }

    /** A storage with its own client (closed with it), tables created. */
    static DynamoDbChatStorage storage(DynaliteServer dynalite) {
        return DynamoDbChatStorage.builder().settings(settings(dynalite.endpoint())).build().createTablesIfMissing();
    }
}
