package io.roomchat.adapter.lambda.local;

import io.roomchat.auth.jwt.JwtTokenIssuer;
import io.roomchat.core.domain.Limits;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar chat-lambda-local.jar}: the serverless flavour on a developer's machine. Settings, from the
 * environment as for the self-hosted server: {@code CHAT_PORT} (3001), {@code CHAT_HOST} (127.0.0.1),
 * {@code CHAT_JWT_SECRET} or {@code CHAT_JWKS_URL} (https, or http with {@code CHAT_JWKS_ALLOW_HTTP=true}),
 * {@code CHAT_DYNAMODB_ENDPOINT} (required: dynalite or DynamoDB
 * Local), {@code CHAT_FANOUT} ({@code sns}, the default, or {@code direct}), {@code CHAT_RATE_PER_SECOND} (10; 0
 * turns the frame rate limit off) and {@code CHAT_RATE_BURST} (20). Without a secret or a JWKS URL it runs
 * in dev mode: a random secret, loopback only, and {@code POST /dev/token} with {@code {"userId","name"}}.
 */
public final class LocalServerlessMain {
    private static final Logger LOG = LoggerFactory.getLogger(LocalServerlessMain.class);
    private static final Limits DEFAULTS = Limits.defaults();
    private static final Pattern FIELD = Pattern.compile("\"(userId|name)\"\\s*:\\s*\"([^\"\\\\]{1,64})\"");

    private LocalServerlessMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Optional<String> dynamoDb = value(env, "CHAT_DYNAMODB_ENDPOINT");
        if (dynamoDb.isEmpty()) {
            System.err.println("CHAT_DYNAMODB_ENDPOINT is required: start dynalite with "
                    + "`npx dynalite --port 8000 --createTableMs 0` and set "
                    + "CHAT_DYNAMODB_ENDPOINT=http://127.0.0.1:8000");
            System.exit(2);
        }
        String host = value(env, "CHAT_HOST").orElse("127.0.0.1");
        LocalServerless.Builder builder = LocalServerless.builder()
                .host(host)
                .port(Integer.parseInt(value(env, "CHAT_PORT").orElse("3001")))
                .dynamoDbEndpoint(URI.create(dynamoDb.get()))
                .snsFanout(!"direct".equalsIgnoreCase(value(env, "CHAT_FANOUT").orElse("sns")))
                .frameRate(value(env, "CHAT_RATE_PER_SECOND").map(Integer::parseInt).orElse(DEFAULTS.framesPerSecond()),
                        value(env, "CHAT_RATE_BURST").map(Integer::parseInt).orElse(DEFAULTS.frameBurst()));
        String auth;
        if (value(env, "CHAT_JWT_SECRET").isPresent()) {
            builder.jwtSecret(value(env, "CHAT_JWT_SECRET").get());
            auth = "HS256 secret";
        } else if (value(env, "CHAT_JWKS_URL").isPresent()) {
            builder.jwksUrl(URI.create(value(env, "CHAT_JWKS_URL").get()))
                    .jwksAllowHttp(value(env, "CHAT_JWKS_ALLOW_HTTP").filter("true"::equalsIgnoreCase).isPresent());
            auth = "JWKS " + value(env, "CHAT_JWKS_URL").get();
        } else {
            if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
                throw new IllegalStateException("dev mode (no CHAT_JWT_SECRET, no CHAT_JWKS_URL) serves loopback only");
            }
            String secret = JwtTokenIssuer.randomSecret();
            builder.jwtSecret(secret).extraRoutes(devTokens(JwtTokenIssuer.hs256(secret)));
            auth = "DEV MODE: random secret, POST /dev/token issues tokens to anyone";
            LOG.warn("No CHAT_JWT_SECRET or CHAT_JWKS_URL: dev mode. Never expose this server.");
        }
        LocalServerless local = builder.start();
        LOG.info("serverless stand-in on {} (API Gateway + SNS local, DynamoDB {}), auth: {}",
                local.webSocketUri(), dynamoDb.get(), auth);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            local.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static LocalServerless.ExtraRoutes devTokens(JwtTokenIssuer issuer) {
        return (Request request, Response response, Callback callback) -> {
            if (!"POST".equals(request.getMethod()) || !"/dev/token".equals(request.getHttpURI().getPath())) {
                return false;
            }
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            String userId = null;
            String name = null;
            Matcher matcher = FIELD.matcher(body);
            while (matcher.find()) {
                if (matcher.group(1).equals("userId")) {
                    userId = matcher.group(2);
                } else {
                    name = matcher.group(2);
                }
            }
            if (userId == null) {
                return HttpReplies.send(response, callback, 400, "application/json", "{\"error\":\"userId\"}");
            }
            String token = issuer.issue(userId, name == null ? userId : name, Duration.ofHours(12));
            return HttpReplies.send(response, callback, 200, "application/json", "{\"token\":\"" + token + "\"}");
        };
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
