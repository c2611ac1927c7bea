package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kicks and bans are cluster-wide (SPEC §7, §8): a moderator on one node kicks a user connected to another, who
 * receives {@code kicked} there, and the ban made on the first node refuses the user's join on a third.
 */
class ClusterKickTest {
    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    @Test
    void a_ban_made_on_one_node_kicks_the_user_on_another_and_refuses_the_join_on_a_third() {
        Cluster cluster = CLUSTER.get();
        String room = "moderated-" + UUID.randomUUID();
        String malloryId = "mallory-" + UUID.randomUUID();
        try (WsTestClient moderator = WsTestClient.connectV2(cluster.node(0), moderatorToken("mod-"
                + UUID.randomUUID()));
             WsTestClient mallory = WsTestClient.connectV2(cluster.node(1), LiveServer.tokenFor(malloryId))) {
            assertThat(moderator.join(room, "Moderator").path("statusCode").asInt()).isEqualTo(200);
            assertThat(mallory.join(room, "Mallory").path("statusCode").asInt()).isEqualTo(200);

            JsonNode kick = moderator.request(WsTestClient.frame("onKick").put("room", room)
                    .put("userId", malloryId).put("minutes", 10));
            assertThat(kick.path("statusCode").asInt()).as("kick: %s", kick).isEqualTo(200);

            JsonNode kicked = awaitKicked(mallory);
            assertThat(kicked.path("room").asText()).isEqualTo(room);
            try (WsTestClient again = WsTestClient.connectV2(cluster.node(2), LiveServer.tokenFor(malloryId))) {
                JsonNode refused = again.join(room, "Mallory");
                assertThat(refused.path("statusCode").asInt()).as("banned join on another node: %s", refused)
                        .isEqualTo(403);
                assertThat(refused.path("body").asText()).contains("room");
            }
        }
    }

    private static JsonNode awaitKicked(WsTestClient client) {
        for (int events = 0; events < 20; events++) {
            JsonNode event = client.eventWithin(Duration.ofSeconds(10))
                    .orElseThrow(() -> new AssertionError("no kicked event"));
            if ("kicked".equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no kicked event among 20");
    }

    /** A token with the moderator claim ({@code mod}, SPEC §7) over every room of these tests. */
    private static String moderatorToken(String userId) {
        return LiveServer.tokenFor(userId, Map.of("mod", List.of("moderated-*")));
    }
}
