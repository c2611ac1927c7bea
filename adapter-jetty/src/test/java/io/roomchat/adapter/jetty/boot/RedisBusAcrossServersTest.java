package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.testkit.DynaliteServer;
import io.roomchat.testkit.RedisServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two servers, as started by {@code java -jar}, sharing one store (dynalite) and one Redis bus. */
class RedisBusAcrossServersTest {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    @Test
    void a_message_posted_on_one_server_reaches_a_member_on_the_other_in_seq_order() {
        Map<String, String> cluster = Map.of("CHAT_STORE", "dynamodb",
                "CHAT_DYNAMODB_ENDPOINT", DYNALITE.endpoint().toString(),
                "CHAT_BUS", "redis", "CHAT_REDIS_URL", REDIS.url());
        try (TestServer a = TestServer.start(cluster); TestServer b = TestServer.start(cluster);
             WsTestClient alice = WsTestClient.connect(a.webSocket(), TestServer.tokenFor("alice"));
             WsTestClient bob = WsTestClient.connect(b.webSocket(), TestServer.tokenFor("bob"))) {
            assertThat(alice.join("cluster", "Alice").path("statusCode").asInt()).isEqualTo(200);
            assertThat(bob.join("cluster", "Bob").path("statusCode").asInt()).isEqualTo(200);

            alice.post("cluster", "one");
            bob.post("cluster", "two");
            alice.post("cluster", "three");

            List<JsonNode> onB = bob.nextEvents(3);
            List<JsonNode> onA = alice.nextEvents(3);
            assertThat(onB).extracting(event -> event.path("message").asText()).containsExactly("one", "two", "three");
            assertThat(onB).extracting(event -> event.path("seq").asLong())
                    .isEqualTo(onA.stream().map(event -> event.path("seq").asLong()).toList())
                    .isSorted();
            assertThat(a.get("/health").body()).contains("redis");
        }
    }
}
