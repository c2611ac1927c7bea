package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.resilience.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL stopped under the running cluster: a post on any node is answered 500 and nothing of it is stored;
 * started again, every node posts and delivers as before, none restarted.
 */
class DatabaseOutageTest {
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    @Test
    void with_the_database_down_posts_get_500_and_store_nothing_and_every_node_recovers_without_a_restart() {
        Cluster cluster = CLUSTER.get();
        String room = "db-outage-" + UUID.randomUUID();
        List<Member> members = Member.onEveryNode(cluster, "member", room);
        List<Long> acknowledged = new ArrayList<>();
        for (Member member : members) {
            acknowledged.add(posted(member, room, "before from " + member.node));
        }

        cluster.postgres().stop();
        List<JsonNode> during;
        try {
            // Each waits for a database connection (up to 5 s): side by side.
            List<CompletableFuture<JsonNode>> posts = members.stream().map(member -> CompletableFuture.supplyAsync(
                    () -> reply(member, room, "during from " + member.node))).toList();
            during = posts.stream().map(CompletableFuture::join).toList();
        } finally {
            cluster.postgres().start();
        }
        for (JsonNode reply : during) {
            assertThat(reply.path("statusCode").asInt()).as("a post with the database down: %s", reply)
                    .isEqualTo(500);
        }

        for (Member member : members) {
            acknowledged.add(postedOnceBack(member, room, "after from " + member.node));
        }
        List<Long> stored = members.get(1).storedChanges(room);
        assertThat(stored).as("nothing of the failed posts stored").containsExactlyElementsOf(
                acknowledged.stream().sorted().toList());
        for (Member member : members) {
            member.awaitAll(stored);
            Member.assertExactlyInOrder(member.toString(), member.seqs(), stored);
            member.close();
        }
    }

    private static JsonNode reply(Member member, String room, String text) {
        Optional<JsonNode> reply = member.post(room, text);
        assertThat(reply).as("%s still connected", member).isPresent();
        return reply.get();
    }

    private static long posted(Member member, String room, String text) {
        JsonNode reply = reply(member, room, text);
        assertThat(reply.path("statusCode").asInt()).as("%s: %s", member, reply).isEqualTo(200);
        return reply.path("seq").asLong();
    }

    /** Posts until one is stored: a pooled connection the outage broke may fail one more post (storing nothing). */
    private static long postedOnceBack(Member member, String room, String text) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (true) {
            JsonNode reply = reply(member, room, text);
            if (reply.path("statusCode").asInt() == 200) {
                return reply.path("seq").asLong();
            }
            assertThat(reply.path("statusCode").asInt()).as("%s: %s", member, reply).isEqualTo(500);
            assertThat(System.nanoTime()).as("%s posts again within %s", member, RECOVERY).isLessThan(deadline);
            Eventually.sleep(Posting.PACE_MILLIS);
        }
    }
}
