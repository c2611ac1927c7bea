package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.testkit.PostgresServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostgreSQL stopped under a running server: posts are answered 500 storing nothing, and work once it is back. */
class PostgresOutageTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Test
    void posts_while_the_database_is_down_get_500_store_nothing_and_posting_resumes_without_a_restart() {
        try (TestServer server = TestServer.start(Map.of("CHAT_STORE", "postgres",
                "CHAT_DATABASE_URL", POSTGRES.newDatabase(), "CHAT_DATABASE_USER", PostgresServer.USER));
             WsTestClient alice = WsTestClient.connect(server.webSocket(), TestServer.tokenFor("alice"))) {
            alice.join("room-outage", "Alice");
            assertThat(alice.post("room-outage", "before").path("statusCode").asInt()).isEqualTo(200);

            POSTGRES.stop();
            JsonNode during;
            try {
                during = alice.post("room-outage", "during");
            } finally {
                POSTGRES.start();
            }
            assertThat(during.path("statusCode").asInt()).isEqualTo(500);
            assertThat(during.path("body").toString()).contains("internal error");

            awaitPosted(alice, "after");
            List<String> texts = new ArrayList<>();
            alice.history("room-outage").path("messages").forEach(m -> texts.add(m.path("message").asText()));
            assertThat(texts).containsExactly("before", "after");
        }
    }

    /** Posts until one is stored: a pooled connection the outage broke may fail one more post (storing nothing). */
    private static void awaitPosted(WsTestClient client, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (client.post("room-outage", text).path("statusCode").asInt() != 200) {
            assertThat(System.nanoTime()).as("posting works again within 30 s").isLessThan(deadline);
        }
    }
}
