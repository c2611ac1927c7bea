package io.roomchat.adapter.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Where the tables are and how patiently to call them. Read from the environment by {@link #fromEnvironment()}:
 *
 * <ul>
 *   <li>{@code CONNECTIONS_TABLE} (the original's name) and {@code MESSAGES_TABLE}: table names;</li>
 *   <li>{@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}): the region; unset, the SDK's own lookup decides,
 *       except with a local endpoint, where any region will do;</li>
 *   <li>{@code CHAT_DYNAMODB_ENDPOINT}: a local DynamoDB-compatible endpoint such as dynalite; it is called with
 *       credentials from the environment if there are any, placeholder ones otherwise.</li>
 * </ul>
 *
 * @param region null to let the SDK find it
 * @param endpoint null for the region's AWS endpoint
 * @param apiCallTimeout bound on one store call's request, retries and back-off included
 * @param attemptTimeout bound on each HTTP attempt of it
 * @param maxAttempts attempts per request, the first included; the SDK's standard strategy retries throttling,
 *                    5xx answers and I/O errors with jittered exponential back-off
 */
public record DynamoDbSettings(String connectionsTable, String messagesTable, String region, URI endpoint,
                               Duration apiCallTimeout, Duration attemptTimeout, int maxAttempts) {
    public static final String DEFAULT_CONNECTIONS_TABLE = "chat-connections";
    public static final String DEFAULT_MESSAGES_TABLE = "chat-messages";
    /** The region a local endpoint is called with when none is set: any will do. */
    public static final String LOCAL_REGION = "us-east-1";

    public DynamoDbSettings {
        requireTableName(connectionsTable, "connectionsTable");
        requireTableName(messagesTable, "messagesTable");
        if (connectionsTable.equals(messagesTable)) {
            throw new IllegalArgumentException("connections and messages need two different tables");
        }
        requirePositive(apiCallTimeout, "apiCallTimeout");
        requirePositive(attemptTimeout, "attemptTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Default table names, the SDK's region and endpoint, 4 attempts of at most 3 s each within 10 s. */
    public static DynamoDbSettings defaults() {
        return new DynamoDbSettings(DEFAULT_CONNECTIONS_TABLE, DEFAULT_MESSAGES_TABLE, null, null,
                Duration.ofSeconds(10), Duration.ofSeconds(3), 4);
    }

    public static DynamoDbSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** {@link #defaults()} overridden by whichever of the variables above {@code environment} sets. */
    public static DynamoDbSettings fromEnvironment(Map<String, String> environment) {
        DynamoDbSettings settings = defaults().withTables(
                nonBlank(environment.get("CONNECTIONS_TABLE"), DEFAULT_CONNECTIONS_TABLE),
                nonBlank(environment.get("MESSAGES_TABLE"), DEFAULT_MESSAGES_TABLE));
        String region = nonBlank(environment.get("AWS_REGION"), nonBlank(environment.get("AWS_DEFAULT_REGION"), null));
        if (region != null) {
            settings = settings.withRegion(region);
        }
        String endpoint = nonBlank(environment.get("CHAT_DYNAMODB_ENDPOINT"), null);
        if (endpoint != null) {
            settings = settings.withEndpoint(URI.create(endpoint));
        }
        return settings;
    }

    public DynamoDbSettings withTables(String connections, String messages) {
        return new DynamoDbSettings(connections, messages, region, endpoint, apiCallTimeout, attemptTimeout,
                maxAttempts);
    }

    public DynamoDbSettings withRegion(String newRegion) {
        return new DynamoDbSettings(connectionsTable, messagesTable, newRegion, endpoint, apiCallTimeout,
                attemptTimeout, maxAttempts);
    }

    /** A local DynamoDB-compatible endpoint, such as {@code http://127.0.0.1:8000}. */
    public DynamoDbSettings withEndpoint(URI newEndpoint) {
        return new DynamoDbSettings(connectionsTable, messagesTable, region, newEndpoint, apiCallTimeout,
                attemptTimeout, maxAttempts);
    }

    public DynamoDbSettings withRetries(int attempts, Duration attempt, Duration call) {
        return new DynamoDbSettings(connectionsTable, messagesTable, region, endpoint, call, attempt, attempts);
    }

    /**
     * An SDK client builder configured from these settings: the JDK's HTTP client, the standard retry strategy,
     * the timeouts, region and endpoint. Add interceptors or metrics to it before building.
     */
    public DynamoDbClientBuilder clientBuilder() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(attemptTimeout)
                        .socketTimeout(attemptTimeout))
                .overrideConfiguration(config -> config
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(maxAttempts).build())
                        .apiCallAttemptTimeout(attemptTimeout)
                        .apiCallTimeout(apiCallTimeout));
        if (region != null) {
            builder.region(Region.of(region));
        } else if (endpoint != null) {
            builder.region(Region.of(LOCAL_REGION));
        }
        if (endpoint != null) {
            // Never the full default chain here: it may ask the EC2 instance metadata service, which a local
            // run has no business calling.
            builder.endpointOverride(endpoint).credentialsProvider(AwsCredentialsProviderChain.of(
                    EnvironmentVariableCredentialsProvider.create(),
                    SystemPropertyCredentialsProvider.create(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
        }
        return builder;
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void requireTableName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!name.matches("[A-Za-z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException(what + " must be 3-255 letters, digits, '_', '-' or '.'");
        }
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
