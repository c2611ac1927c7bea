package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.roomchat.adapter.jetty.Eventually;
import io.roomchat.testkit.PostgresServer;
import io.roomchat.testkit.RedisServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator sees of a cluster node ({@code CHAT_STORE=postgres}, {@code CHAT_BUS=redis}): {@code /health}
 * probing the database and the bus, the bus's counters at {@code /metrics}, and exit 1 for a database that is not
 * there.
 */
class ClusterOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private static TestServer node() {
        return TestServer.start(Map.of("CHAT_STORE", "postgres", "CHAT_DATABASE_URL", POSTGRES.newDatabase(),
                "CHAT_DATABASE_USER", PostgresServer.USER, "CHAT_BUS", "redis", "CHAT_REDIS_URL", REDIS.url()));
    }

    @Test
    void health_probes_the_store_and_the_bus_and_a_bus_down_degrades_it_without_failing_it() throws Exception {
        try (TestServer node = node();
             WsTestClient alice = WsTestClient.connect(node.webSocket(), TestServer.tokenFor("alice"))) {
            alice.join("ops-room", "Alice");
            JsonNode up = health(node, 200);
            assertThat(up.path("status").asText()).isEqualTo("UP");
            assertThat(up.path("store").asText()).as("today's field").isEqualTo("postgres");
            assertThat(up.path("bus").asText()).as("today's field").isEqualTo("redis");
            assertThat(up.path("connections").asInt()).isEqualTo(1);
            assertThat(up.path("checks").path("store").path("status").asText()).isEqualTo("UP");
            assertThat(up.path("checks").path("bus").path("status").asText()).isEqualTo("UP");

            REDIS.stop();
            try {
                Eventually.await(() -> "DEGRADED".equals(status(node)));
                JsonNode degraded = health(node, 200);
                assertThat(degraded.path("status").asText()).isEqualTo("DEGRADED");
                assertThat(degraded.path("checks").path("bus").path("status").asText()).isEqualTo("DOWN");
                assertThat(degraded.path("checks").path("store").path("status").asText()).isEqualTo("UP");
                assertThat(alice.post("ops-room", "while the bus is down").path("statusCode").asInt())
                        .as("posts still work").isEqualTo(200);
                assertThat(counter(node, "chat_bus_publish_failures_total")).isGreaterThanOrEqualTo(1);
            } finally {
                REDIS.start();
            }
            Eventually.await(() -> "UP".equals(status(node)));
            assertThat(health(node, 200).path("checks").path("bus").path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void health_fails_while_the_database_is_down_and_recovers_without_a_restart() throws Exception {
        try (TestServer node = node()) {
            assertThat(health(node, 200).path("status").asText()).isEqualTo("UP");

            POSTGRES.stop();
            JsonNode down;
            try {
                down = health(node, 503);
            } finally {
                POSTGRES.start();
            }
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("checks").path("store").path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("checks").path("bus").path("status").asText()).isEqualTo("UP");

            Eventually.await(() -> "UP".equals(status(node)));
            assertThat(health(node, 200).path("checks").path("store").path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void metrics_count_the_events_the_node_published_and_received_over_the_bus() throws Exception {
        try (TestServer node = node();
             WsTestClient alice = WsTestClient.connect(node.webSocket(), TestServer.tokenFor("alice"))) {
            alice.join("metrics-room", "Alice");
            // The node subscribes to the room's channel when its first member joins, and catches the room up from
            // the store once Redis confirms: posts stored before that are a catch-up, not what this test counts.
            Eventually.await(() -> subscribers("roomchat:room:metrics-room") == 1);
            for (String text : new String[] {"one", "two", "three"}) {
                assertThat(alice.post("metrics-room", text).path("statusCode").asInt()).isEqualTo(200);
            }
            alice.nextEvents(3);

            // Every room event crosses the bus: the join's presence event and the three posts. Members here get
            // them first; the publishing to Redis completes on its own thread, so the count may trail a little.
            Eventually.await(() -> counter(node, "chat_bus_published_total") >= 4);
            assertThat(counter(node, "chat_bus_published_total")).isEqualTo(4);
            // Its own events come back from Redis too (then dropped as already delivered).
            Eventually.await(() -> counter(node, "chat_bus_received_total") >= 4);
            assertThat(counter(node, "chat_bus_received_total")).isEqualTo(4);
            assertThat(counter(node, "chat_bus_publish_failures_total")).isZero();
            // One node, no outage: nothing to read from the store (the Redis restart in chat-resilience counts them).
            assertThat(counter(node, "chat_bus_gap_fills_total")).isZero();
            assertThat(counter(node, "chat_bus_catchups_total")).isZero();
        }
    }

    @Test
    void a_database_that_does_not_exist_stops_the_start_with_exit_1() {
        String url = POSTGRES.url("no_such_chat");

        String error = TestServer.startupError(Main.UNAVAILABLE, Map.of("CHAT_STORE", "postgres",
                "CHAT_DATABASE_URL", url, "CHAT_DATABASE_USER", PostgresServer.USER));

        assertThat(error).doesNotContain("\n").startsWith("chat-server: PostgreSQL: cannot connect to the PostgreSQL "
                + "database at " + url + ": ").contains("does not exist");
    }

    private static long subscribers(String channel) {
        RedisClient client = RedisClient.create(REDIS.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
        } finally {
            client.shutdown();
        }
    }

    private static JsonNode health(TestServer node, int expectedStatus) throws Exception {
        HttpResponse<String> response = node.get("/health");
        assertThat(response.statusCode()).as("/health: %s", response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static String status(TestServer node) {
        try {
            return JSON.readTree(node.get("/health").body()).path("status").asText();
        } catch (Exception failed) {
            throw new AssertionError("GET /health failed", failed);
        }
    }

    /** A counter's value in {@code /metrics}; fails when it is missing. */
    private static long counter(TestServer node, String name) {
        String metrics;
        try {
            metrics = node.get("/metrics").body();
        } catch (Exception failed) {
            throw new AssertionError("GET /metrics failed", failed);
        }
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.E+]+)$").matcher(metrics);
        assertThat(line.find()).as("%s in /metrics:%n%s", name, metrics).isTrue();
        return (long) Double.parseDouble(line.group(1));
    }
}
