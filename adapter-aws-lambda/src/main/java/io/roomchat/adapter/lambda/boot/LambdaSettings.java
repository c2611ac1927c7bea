package io.roomchat.adapter.lambda.boot;

import static io.roomchat.auth.jwt.TokenSettings.nonBlank;

import io.roomchat.adapter.dynamodb.DynamoDbSettings;
import io.roomchat.auth.jwt.TokenSettings;
import io.roomchat.core.domain.Limits;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a function is configured with, read once from its environment (the SAM template sets these). The local
 * stand-in reads the same variables, through the same method, then points the endpoints at itself.
 *
 * <table>
 * <tr><td>{@code CONNECTIONS_TABLE}, {@code MESSAGES_TABLE}, {@code AWS_REGION}</td>
 *     <td>as {@link DynamoDbSettings#fromEnvironment(Map)} reads them</td></tr>
 * <tr><td>{@code CHAT_FANOUT}</td>
 *     <td>{@code sns} (default when {@code CHAT_TOPIC_ARN} is set) or {@code direct}</td></tr>
 * <tr><td>{@code CHAT_TOPIC_ARN}</td><td>the fan-out topic</td></tr>
 * <tr><td>{@code CHAT_CALLBACK_URL}</td><td>the Management API endpoint; learned from events when unset</td></tr>
 * <tr><td>{@code CHAT_JWT_SECRET}, {@code CHAT_JWKS_URL}, {@code CHAT_JWKS_ALLOW_HTTP}, {@code CHAT_JWT_ISSUER},
 *     {@code CHAT_JWT_AUDIENCE}</td>
 *     <td>as {@link TokenSettings#fromEnvironment(Map)} reads them (only the {@code $connect} function needs a secret or a JWKS URL)</td></tr>
 * <tr><td>{@code CHAT_MAX_IN_FLIGHT}</td><td>concurrent {@code postToConnection} calls per fan-out (64)</td></tr>
 * <tr><td>{@code CHAT_RATE_PER_SECOND}, {@code CHAT_RATE_BURST}</td>
 *     <td>frames per second per connection (0 turns the limit off) and the burst above it
 *     ({@link Limits#defaults()})</td></tr>
 * <tr><td>{@code CHAT_DYNAMODB_ENDPOINT}, {@code CHAT_SNS_ENDPOINT}</td><td>local stand-ins instead of AWS</td></tr>
 * </table>
 *
 * @param region of the SNS and Management API clients: the tables' region, or the local one
 */
public record LambdaSettings(
        String region,
        DynamoDbSettings tables,
        Optional<String> topicArn,
        Optional<URI> callbackUrl,
        TokenSettings tokens,
        int maxInFlight,
        int framesPerSecond,
        int frameBurst,
        Optional<URI> snsEndpoint,
        boolean staticLocalCredentials) {

    private static final Limits DEFAULT_LIMITS = Limits.defaults();
    private static final int DEFAULT_MAX_IN_FLIGHT = 64;

    public LambdaSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(tokens, "tokens");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("CHAT_MAX_IN_FLIGHT must be positive");
        }
        if (framesPerSecond < 0 || frameBurst < 1) {
            throw new IllegalArgumentException("CHAT_RATE_PER_SECOND must be 0 or more, CHAT_RATE_BURST positive");
        }
    }

    public static LambdaSettings fromEnvironment(Map<String, String> env) {
        Optional<String> fanout = nonBlank(env, "CHAT_FANOUT");
        Optional<String> topic = nonBlank(env, "CHAT_TOPIC_ARN");
        if (fanout.filter("direct"::equalsIgnoreCase).isPresent()) {
            topic = Optional.empty();
        } else if (fanout.filter("sns"::equalsIgnoreCase).isPresent() && topic.isEmpty()) {
            throw new IllegalArgumentException("CHAT_FANOUT=sns needs CHAT_TOPIC_ARN");
        } else if (fanout.isPresent() && !fanout.get().equalsIgnoreCase("sns")) {
            throw new IllegalArgumentException("CHAT_FANOUT must be sns or direct");
        }
        DynamoDbSettings tables = DynamoDbSettings.fromEnvironment(env);
        return new LambdaSettings(
                Optional.ofNullable(tables.region()).orElse(DynamoDbSettings.LOCAL_REGION),
                tables,
                topic,
                nonBlank(env, "CHAT_CALLBACK_URL").map(URI::create),
                TokenSettings.fromEnvironment(env),
                nonBlank(env, "CHAT_MAX_IN_FLIGHT").map(Integer::parseInt).orElse(DEFAULT_MAX_IN_FLIGHT),
                nonBlank(env, "CHAT_RATE_PER_SECOND").map(Integer::parseInt).orElse(DEFAULT_LIMITS.framesPerSecond()),
                nonBlank(env, "CHAT_RATE_BURST").map(Integer::parseInt).orElse(DEFAULT_LIMITS.frameBurst()),
                nonBlank(env, "CHAT_SNS_ENDPOINT").map(URI::create),
                false);
    }

    /** Whether frames are rate limited per connection. */
    public boolean rateLimited() {
        return framesPerSecond > 0;
    }

    /** The default limits with this function's frame rate (when it has one). */
    public Limits limits() {
        return rateLimited() ? DEFAULT_LIMITS.withFramesPerSecond(framesPerSecond, frameBurst) : DEFAULT_LIMITS;
    }

    public boolean snsFanout() {
        return topicArn.isPresent();
    }

    /** The stand-in's: DynamoDB at {@code dynamoDb}, SNS and the Management API at {@code standIn}. */
    public LambdaSettings withLocalEndpoints(URI dynamoDb, URI standIn) {
        return new LambdaSettings(region, tables.withEndpoint(dynamoDb), topicArn, Optional.of(standIn), tokens,
                maxInFlight, framesPerSecond, frameBurst, Optional.of(standIn), true);
    }
}
