package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.testkit.protocol.WsTestClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} shows the H2 store's group syncs, which the busy-disk benchmark reads; other stores have none. */
class H2SyncMetricsTest {
    @TempDir
    Path dataDir;

    @Test
    void posts_on_an_h2_file_move_the_sync_count_the_writes_they_covered_and_the_sync_time() {
        try (TestServer server = TestServer.start(Map.of("CHAT_STORE", "h2", "CHAT_DATA_DIR", dataDir.toString()));
             WsTestClient alice = WsTestClient.connect(server.webSocket(), TestServer.tokenFor("alice"))) {
            String before = server.get("/metrics").body();
            alice.join("room-syncs", "Alice");
            for (int i = 0; i < 3; i++) {
                assertThat(alice.post("room-syncs", "synced " + i).path("statusCode").asInt()).isEqualTo(200);
            }

            String after = server.get("/metrics").body();

            assertThat(value(before, "chat_store_syncs_seconds_count")).isZero();
            assertThat(value(after, "chat_store_sync_writes_sum")).as("each post was made durable by one sync")
                    .isEqualTo(3.0);
            assertThat(value(after, "chat_store_syncs_seconds_count")).as("one sync each, or fewer shared")
                    .isBetween(1.0, 3.0);
            assertThat(value(after, "chat_store_syncs_seconds_sum")).isPositive();
            assertThat(after).containsPattern("(?m)^chat_store_syncs_seconds_bucket\\{le=\"0\\.02\"} \\d");
        }
    }

    @Test
    void the_memory_store_has_no_sync_meters() {
        try (TestServer server = TestServer.start();
             WsTestClient alice = WsTestClient.connect(server.webSocket(), TestServer.tokenFor("alice"))) {
            alice.join("room-syncs", "Alice");
            alice.post("room-syncs", "not synced");

            assertThat(server.get("/metrics").body()).contains("chat_messages_posted_total")
                    .doesNotContain("chat_store_sync");
        }
    }

    private static double value(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
        assertThat(line.find()).as(name + " in /metrics").isTrue();
        return Double.parseDouble(line.group(1));
    }
}
