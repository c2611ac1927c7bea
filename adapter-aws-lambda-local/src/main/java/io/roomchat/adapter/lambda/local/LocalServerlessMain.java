package io.roomchat.adapter.lambda.local;

import static io.roomchat.auth.jwt.TokenSettings.nonBlank;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar chat-lambda-local.jar}: the serverless flavour on a developer's machine. {@code CHAT_PORT}
 * (3001), {@code CHAT_HOST} (127.0.0.1) and {@code CHAT_DYNAMODB_ENDPOINT} (required: dynalite or DynamoDB Local)
 * say where; every other setting is read from the environment as the functions read it
 * ({@code LambdaSettings}): {@code CHAT_JWT_SECRET} or {@code CHAT_JWKS_URL}, {@code CHAT_FANOUT},
 * {@code CHAT_RATE_PER_SECOND}, ... Without a secret or a JWKS URL it runs in dev mode, as the self-hosted server
 * does: a random secret, loopback only, and {@code POST /dev/token}.
 */
public final class LocalServerlessMain {
    private static final Logger LOG = LoggerFactory.getLogger(LocalServerlessMain.class);
    private static final int BAD_SETTINGS = 2;

    private LocalServerlessMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Optional<String> dynamoDb = nonBlank(env, "CHAT_DYNAMODB_ENDPOINT");
        if (dynamoDb.isEmpty()) {
            System.err.println("chat-lambda-local: CHAT_DYNAMODB_ENDPOINT is required: start dynalite with "
                    + "`npx dynalite --port 8000 --createTableMs 0` and set "
                    + "CHAT_DYNAMODB_ENDPOINT=http://127.0.0.1:8000");
            System.exit(BAD_SETTINGS);
        }
        LocalServerless local;
        try {
            local = LocalServerless.builder()
                    .environment(env)
                    .host(nonBlank(env, "CHAT_HOST").orElse("127.0.0.1"))
                    .port(Integer.parseInt(nonBlank(env, "CHAT_PORT").orElse("3001")))
                    .dynamoDbEndpoint(URI.create(dynamoDb.get()))
                    .start();
        } catch (IllegalArgumentException badSetting) {
            System.err.println("chat-lambda-local: " + badSetting.getMessage());
            System.exit(BAD_SETTINGS);
            return;
        }
        if (local.authMode().equals("dev")) {
            LOG.warn("DEV MODE: no CHAT_JWT_SECRET or CHAT_JWKS_URL, so POST /dev/token gives a token to anyone on "
                    + "this machine who asks. Never expose this server.");
        }
        LOG.info("serverless stand-in on {} (API Gateway + SNS local, DynamoDB {}), auth {}",
                local.webSocketUri(), dynamoDb.get(), local.authMode());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            local.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
