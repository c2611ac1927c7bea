package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Presence is cluster-wide (SPEC §8): v2 members on one node see users join and leave on others, and the users of a
 * node killed with SIGKILL leave within 30 s (its heartbeats stop).
 */
class ClusterPresenceTest {
    /**
     * SPEC §8: within 30 s of the kill. The heartbeat's TTL (15 s) plus a survivor's beat (5 s) make 20 s; the rest
     * is the margin of a busy machine.
     */
    private static final Duration KILLED_NODE_LEAVES_WITHIN = Duration.ofSeconds(30);

    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    @Test
    void a_user_joining_and_leaving_on_one_node_is_seen_on_the_others() {
        Cluster cluster = CLUSTER.get();
        String room = "presence-" + UUID.randomUUID();
        String aliceId = "alice-" + UUID.randomUUID();
        String bobId = "bob-" + UUID.randomUUID();
        try (WsTestClient alice = WsTestClient.connectV2(cluster.node(0), LiveServer.tokenFor(aliceId));
             WsTestClient bob = WsTestClient.connectV2(cluster.node(1), LiveServer.tokenFor(bobId))) {
            assertThat(alice.join(room, "Alice").path("statusCode").asInt()).isEqualTo(200);

            JsonNode bobJoined = bob.join(room, "Bob");
            assertThat(bobJoined.path("memberCount").asInt()).as("members across nodes").isEqualTo(2);
            assertThat(bobJoined.path("members").findValuesAsText("userId")).containsExactlyInAnyOrder(aliceId,
                    bobId);
            JsonNode joined = presence(alice, bobId, Duration.ofSeconds(10)).orElseThrow();
            assertThat(joined.path("event").asText()).isEqualTo("join");
            assertThat(joined.path("userId").asText()).isEqualTo(bobId);
            assertThat(joined.path("name").asText()).isEqualTo("Bob");

            assertThat(bob.request(WsTestClient.frame("onLeave").put("room", room)).path("statusCode").asInt())
                    .isEqualTo(200);
            JsonNode left = presence(alice, bobId, Duration.ofSeconds(10)).orElseThrow();
            assertThat(left.path("event").asText()).isEqualTo("leave");
            assertThat(left.path("userId").asText()).isEqualTo(bobId);
        }
    }

    @Test
    void the_users_of_a_node_killed_with_sigkill_leave_within_30_seconds() throws Exception {
        Cluster cluster = CLUSTER.get();
        String room = "presence-kill-" + UUID.randomUUID();
        String carolId = "carol-" + UUID.randomUUID();
        int victim = 2;
        try (WsTestClient alice = WsTestClient.connectV2(cluster.node(0), LiveServer.tokenFor("alice-"
                + UUID.randomUUID()))) {
            assertThat(alice.join(room, "Alice").path("statusCode").asInt()).isEqualTo(200);
            WsTestClient carol = WsTestClient.connectV2(cluster.node(victim), LiveServer.tokenFor(carolId));
            assertThat(carol.join(room, "Carol").path("statusCode").asInt()).isEqualTo(200);
            assertThat(presence(alice, carolId, Duration.ofSeconds(10)).orElseThrow().path("event").asText())
                    .isEqualTo("join");

            try {
                long killed = System.nanoTime();
                cluster.kill(victim);
                JsonNode left = presence(alice, carolId, KILLED_NODE_LEAVES_WITHIN).orElseThrow(() ->
                        new AssertionError("no leave for the killed node's user within " + KILLED_NODE_LEAVES_WITHIN));
                System.out.printf("cluster presence: the killed node's user left %d ms after the SIGKILL%n",
                        (System.nanoTime() - killed) / 1_000_000);
                assertThat(left.path("event").asText()).isEqualTo("leave");
                assertThat(left.path("userId").asText()).isEqualTo(carolId);
                JsonNode asked = alice.request(WsTestClient.frame("onPresence").put("room", room));
                assertThat(asked.path("memberCount").asInt()).isEqualTo(1);
            } finally {
                carol.close();
                cluster.replace(victim);
            }
        }
    }

    /**
     * The next presence event about {@code userId}, skipping others (the caller's own join comes first), if one
     * comes within {@code wait}.
     */
    private static Optional<JsonNode> presence(WsTestClient client, String userId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> event = client.eventWithin(Duration.ofMillis(200));
            if (event.isPresent() && "presence".equals(event.get().path("type").asText())
                    && userId.equals(event.get().path("userId").asText())) {
                return event;
            }
        }
        return Optional.empty();
    }
}
