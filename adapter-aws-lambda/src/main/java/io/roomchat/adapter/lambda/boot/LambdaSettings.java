package io.roomchat.adapter.lambda.boot;

import io.roomchat.core.domain.Limits;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a function is configured with, read once from its environment (the SAM template sets these).
 *
 * <table>
 * <tr><td>{@code CONNECTIONS_TABLE}, {@code MESSAGES_TABLE}</td><td>table names</td></tr>
 * <tr><td>{@code CHAT_FANOUT}</td>
 *     <td>{@code sns} (default when {@code CHAT_TOPIC_ARN} is set) or {@code direct}</td></tr>
 * <tr><td>{@code CHAT_TOPIC_ARN}</td><td>the fan-out topic</td></tr>
 * <tr><td>{@code CHAT_CALLBACK_URL}</td><td>the Management API endpoint; learned from events when unset</td></tr>
 * <tr><td>{@code CHAT_JWT_SECRET} or {@code CHAT_JWKS_URL}</td><td>token verification: only the {@code $connect} function needs one</td></tr>
 * <tr><td>{@code CHAT_JWT_ISSUER}, {@code CHAT_JWT_AUDIENCE}</td><td>checked when set</td></tr>
 * <tr><td>{@code CHAT_MAX_IN_FLIGHT}</td><td>concurrent {@code postToConnection} calls per fan-out (64)</td></tr>
 * <tr><td>{@code CHAT_RATE_PER_SECOND}, {@code CHAT_RATE_BURST}</td>
 *     <td>frames per second per connection (10; 0 turns the limit off) and the burst above it (20)</td></tr>
 * <tr><td>{@code CHAT_DYNAMODB_ENDPOINT}, {@code CHAT_SNS_ENDPOINT}</td><td>local stand-ins instead of AWS</td></tr>
 * <tr><td>{@code AWS_REGION}</td><td>set by Lambda</td></tr>
 * </table>
 */
public record LambdaSettings(
        String region,
        String connectionsTable,
        String messagesTable,
        Optional<String> topicArn,
        Optional<URI> callbackUrl,
        Optional<String> jwtSecret,
        Optional<URI> jwksUrl,
        Optional<String> jwtIssuer,
        Optional<String> jwtAudience,
        int maxInFlight,
        int framesPerSecond,
        int frameBurst,
        Optional<URI> dynamoDbEndpoint,
        Optional<URI> snsEndpoint,
        boolean staticLocalCredentials) {

    private static final Limits DEFAULT_LIMITS = Limits.defaults();

    public LambdaSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(connectionsTable, "connectionsTable");
        Objects.requireNonNull(messagesTable, "messagesTable");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("CHAT_MAX_IN_FLIGHT must be positive");
        }
        if (framesPerSecond < 0 || frameBurst < 1) {
            throw new IllegalArgumentException("CHAT_RATE_PER_SECOND must be 0 or more, CHAT_RATE_BURST positive");
        }
    }

    public static LambdaSettings fromEnvironment(Map<String, String> env) {
        Optional<String> fanout = value(env, "CHAT_FANOUT");
        Optional<String> topic = value(env, "CHAT_TOPIC_ARN");
        if (fanout.filter("direct"::equalsIgnoreCase).isPresent()) {
            topic = Optional.empty();
        } else if (fanout.filter("sns"::equalsIgnoreCase).isPresent() && topic.isEmpty()) {
            throw new IllegalArgumentException("CHAT_FANOUT=sns needs CHAT_TOPIC_ARN");
        } else if (fanout.isPresent() && !fanout.get().equalsIgnoreCase("sns")) {
            throw new IllegalArgumentException("CHAT_FANOUT must be sns or direct");
        }
        return new LambdaSettings(
                value(env, "AWS_REGION").orElse("us-east-1"),
                value(env, "CONNECTIONS_TABLE").orElse("chat-connections"),
                value(env, "MESSAGES_TABLE").orElse("chat-messages"),
                topic,
                value(env, "CHAT_CALLBACK_URL").map(URI::create),
                value(env, "CHAT_JWT_SECRET"),
                value(env, "CHAT_JWKS_URL").map(URI::create),
                value(env, "CHAT_JWT_ISSUER"),
                value(env, "CHAT_JWT_AUDIENCE"),
                value(env, "CHAT_MAX_IN_FLIGHT").map(Integer::parseInt).orElse(64),
                value(env, "CHAT_RATE_PER_SECOND").map(Integer::parseInt).orElse(DEFAULT_LIMITS.framesPerSecond()),
                value(env, "CHAT_RATE_BURST").map(Integer::parseInt).orElse(DEFAULT_LIMITS.frameBurst()),
                value(env, "CHAT_DYNAMODB_ENDPOINT").map(URI::create),
                value(env, "CHAT_SNS_ENDPOINT").map(URI::create),
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

    public LambdaSettings withLocalEndpoints(URI dynamoDb, URI sns, URI callback) {
        return new LambdaSettings(region, connectionsTable, messagesTable, topicArn, Optional.of(callback), jwtSecret,
                jwksUrl, jwtIssuer, jwtAudience, maxInFlight, framesPerSecond, frameBurst, Optional.of(dynamoDb),
                Optional.of(sns), true);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
