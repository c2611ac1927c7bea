package io.roomchat.adapter.lambda.boot;

import io.roomchat.adapter.dynamodb.DynamoDbChatStorage;
import io.roomchat.adapter.dynamodb.DynamoDbSettings;
import io.roomchat.adapter.lambda.ServerlessChat;
import io.roomchat.auth.jwt.Authentication;
import io.roomchat.auth.jwt.JwtTokenIssuer;
import io.roomchat.auth.jwt.TokenSettings;
import io.roomchat.core.port.out.RoomBans;
import io.roomchat.core.port.out.TokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The composition root: DynamoDB storage, JWT verification, the wire codec and the SDK clients, wired into one
 * {@link ServerlessChat}. The only code of this module that names another adapter module.
 */
public final class ServerlessWiring implements AutoCloseable {
    private static final URI PRIMING_ENDPOINT = URI.create("https://priming.invalid/priming");
    /** Only the {@code $connect} and server API functions verify tokens, so only they are given a key. */
    private static final TokenVerifier NO_KEY = token -> {
        throw new IllegalStateException("this function cannot verify tokens: set CHAT_JWT_SECRET or CHAT_JWKS_URL");
    };

    private final LambdaSettings settings;
    private final AwsClients aws;
    private final DynamoDbClient dynamo;
    private final DynamoDbChatStorage storage;
    private final Optional<SnsClient> sns;
    private final TokenVerifier verifier;
    private final ServerlessChat chat;

    private ServerlessWiring(LambdaSettings settings, Authentication authentication,
                             Optional<ExecutionInterceptor> tracing, Clock clock) {
        this.settings = settings;
        this.verifier = authentication.verifier();
        this.aws = new AwsClients(settings, tracing);
        DynamoDbSettings tables = settings.tables();
        DynamoDbClientBuilder dynamoBuilder = tables.clientBuilder()
                .region(aws.region())
                .credentialsProvider(aws.credentials());
        dynamoBuilder.overrideConfiguration(aws.intercepted(dynamoBuilder.overrideConfiguration()));
        this.dynamo = dynamoBuilder.build();
        this.storage = DynamoDbChatStorage.builder().settings(tables).client(dynamo).build();
        this.sns = settings.topicArn().map(topic -> aws.sns(settings.snsEndpoint()));
        ServerlessChat.Builder builder = ServerlessChat.builder()
                .connectionStore(storage.connectionStore())
                .messageStore(storage.messageStore())
                .readPositions(storage.readPositions())
                .typingGate(storage.typingGate())
                .roomBans(storage.roomBans())
                .clock(clock)
                .tokenVerifier(verifier)
                .publisherVerifier(authentication.publisherVerifier())
                .managementApi(aws::managementApi)
                .maxInFlight(settings.maxInFlight())
                .limits(settings.limits());
        if (settings.rateLimited()) {
            builder.frameBudgets(storage.frameBudgets());
        }
        settings.callbackUrl().ifPresent(builder::callbackEndpoint);
        if (sns.isPresent()) {
            builder.snsFanout(sns.get(), settings.topicArn().get());
        } else {
            builder.directFanout();
        }
        this.chat = builder.build();
    }

    /** A function's wiring: tokens checked with the secret or JWKS URL its settings name (one is required). */
    public static ServerlessWiring wire(LambdaSettings settings) {
        return wire(settings, Optional.empty());
    }

    /** With X-Ray subsegments for every SDK call, as on Lambda (see {@link XRayTracing}). */
    static ServerlessWiring wire(LambdaSettings settings, Optional<ExecutionInterceptor> tracing) {
        return new ServerlessWiring(settings, functionAuthentication(settings.tokens()), tracing, Clock.systemUTC());
    }

    /** With tokens checked as {@code authentication} says: the local stand-in passes its own (dev mode too). */
    public static ServerlessWiring wire(LambdaSettings settings, Authentication authentication) {
        return wire(settings, authentication, Clock.systemUTC());
    }

    /** As {@link #wire(LambdaSettings, Authentication)}, on {@code clock}: a stand-in whose tests let bans run out. */
    public static ServerlessWiring wire(LambdaSettings settings, Authentication authentication, Clock clock) {
        return new ServerlessWiring(settings, authentication, Optional.empty(), clock);
    }

    /**
     * Only the {@code $connect} and server API functions are given a key; a function without one answers no connect
     * and no server API request (401).
     */
    private static Authentication functionAuthentication(TokenSettings tokens) {
        return tokens.secret().isEmpty() && tokens.jwksUrl().isEmpty()
                ? new Authentication("none", NO_KEY, Optional.empty())
                : Authentication.forFunction(tokens);
    }

    public ServerlessChat chat() {
        return chat;
    }

    /** Room bans in the messages table, which every function shares: for the core's kick and join checks. */
    public RoomBans roomBans() {
        return storage.roomBans();
    }

    /** The storage, for tests that look at the stored records. */
    public DynamoDbChatStorage storage() {
        return storage;
    }

    /** For a local run: creates the tables the template would have created on AWS. */
    public void createTablesIfMissing() {
        storage.createTablesIfMissing();
    }

    /**
     * Runs what a first request runs, without calling anything remote: the codec, token verification, the SNS
     * payload format, and each SDK client's request path up to (not including) sending. SnapStart snapshots the
     * result, so a restored function starts with these classes loaded and initialised.
     */
    public void prime() {
        chat.prime();
        primeVerifier();
        URI managementApi = settings.callbackUrl().orElse(PRIMING_ENDPOINT);
        stopped(() -> aws.managementApi(managementApi).postToConnection(request -> request
                .connectionId("priming").data(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{}"))
                .overrideConfiguration(PrimingInterceptor::marked)));
        sns.ifPresent(client -> stopped(() -> client.publish(request -> request
                .topicArn(settings.topicArn().get()).message("{}")
                .overrideConfiguration(PrimingInterceptor::marked))));
        stopped(() -> dynamo.getItem(request -> request
                .tableName(settings.tables().connectionsTable())
                .key(Map.of("connectionId", AttributeValue.fromS("priming")))
                .overrideConfiguration(PrimingInterceptor::marked)));
    }

    private void primeVerifier() {
        if (verifier == NO_KEY) {
            return;
        }
        settings.tokens().usableSecret().ifPresent(secret -> verifier.verify(JwtTokenIssuer.hs256(secret)
                .issue("priming", "priming", Duration.ofMinutes(1))));
        verifier.verify("eyJhbGciOiJIUzI1NiJ9.e30.priming"); // a refusal path; never reaches a JWKS fetch
    }

    /** Closes what the wiring built: the chat's delivery threads and every SDK client. */
    @Override
    public void close() {
        chat.close();
        sns.ifPresent(SnsClient::close);
        storage.close();
        dynamo.close();
        aws.close();
    }

    private static void stopped(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException expected) {
            // PrimingInterceptor stopped the request before it left the process, as intended.
        }
    }
}
