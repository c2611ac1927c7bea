package io.roomchat.resilience.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.roomchat.adapter.jetty.boot.ChatApplication;
import io.roomchat.resilience.Eventually;
import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The security review's probe: a JWKS endpoint that answers its headers at once and then trickles its body, and
 * a flood of upgrades whose tokens name unknown {@code kid}s. It used to block every Jetty thread, and
 * {@code /health} with them; now one upgrade waits for the one fetch (up to its 5 s deadline) and the rest are
 * refused at once.
 */
class SlowJwksEndpointProbeTest {
    private static final int UPGRADES = 40;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void a_trickling_jwks_endpoint_and_a_flood_of_unknown_kids_block_neither_upgrades_nor_health() throws Exception {
        ExecutorService flood = Executors.newFixedThreadPool(UPGRADES);
        try (TricklingEndpoint jwks = new TricklingEndpoint();
             ChatApplication server = ChatApplication.start(jwksSettings(jwks.url()), UnaryOperator.identity())) {
            URI webSocket = server.server().webSocketUri();
            List<Future<Integer>> upgrades = new ArrayList<>();
            for (int i = 0; i < UPGRADES; i++) {
                upgrades.add(flood.submit(() -> WsTestClient.refusedStatus(webSocket,
                        Map.of("Authorization", "Bearer " + unknownKidToken()))));
            }

            Eventually.equals(true, () -> refusedWith401(upgrades) >= UPGRADES - 1,
                    "all but the upgrade waiting for the fetch refused while the endpoint trickles");
            assertThat(LiveServer.Health.of(server.server().httpUri()).isUp()).isTrue();
            for (Future<Integer> upgrade : upgrades) {
                assertThat(upgrade.get(Eventually.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(401);
            }
        } finally {
            flood.shutdownNow();
        }
    }

    private static Map<String, String> jwksSettings(URI jwksUrl) {
        Map<String, String> settings = new HashMap<>(LiveServer.environment(Map.of(
                "CHAT_JWKS_URL", jwksUrl.toString(), "CHAT_JWKS_ALLOW_HTTP", "true")));
        settings.remove("CHAT_JWT_SECRET");
        // The flood comes from one address: the per-address limit on upgrades in progress is another probe's.
        settings.put("CHAT_MAX_PENDING_PER_ADDRESS", String.valueOf(UPGRADES * 2));
        return settings;
    }

    private static long refusedWith401(List<Future<Integer>> upgrades) {
        return upgrades.stream().filter(Future::isDone).filter(upgrade -> {
            try {
                return upgrade.get() == 401;
            } catch (ExecutionException | InterruptedException failed) {
                return false;
            }
        }).count();
    }

    /** RS256 header and claims, a made-up {@code kid}, and a signature of random bytes (the key is never found). */
    private static String unknownKidToken() {
        String header = "{\"alg\":\"RS256\",\"kid\":\"" + UUID.randomUUID() + "\"}";
        String claims = "{\"sub\":\"mallory\",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}";
        byte[] signature = new byte[256];
        RANDOM.nextBytes(signature);
        return base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.getBytes(StandardCharsets.UTF_8))
                + "." + base64Url(signature);
    }

    private static String base64Url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    /** Answers 200 with its headers at once, then a space every 50 ms, until the client hangs up or it is closed. */
    private static final class TricklingEndpoint implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool();

        TricklingEndpoint() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks.json", TricklingEndpoint::trickle);
            server.setExecutor(executor);
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
        }

        private static void trickle(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                while (true) {
                    body.write(' ');
                    body.flush();
                    Thread.sleep(50);
                }
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
