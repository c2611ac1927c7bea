package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.resilience.Eventually;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis stopped for 10 s, then started again on the same port, while members on every node post: every post is
 * acknowledged all along, and afterwards every member on every node has every change once, in {@code seq} order.
 */
class RedisOutageTest {
    private static final long OUTAGE_MILLIS = 10_000;

    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    @Test
    void posts_go_on_while_redis_is_down_and_every_member_on_every_node_ends_with_each_change_once_in_order()
            throws Exception {
        Cluster cluster = CLUSTER.get();
        String room = "redis-outage-" + UUID.randomUUID();
        List<Member> posters = Member.onEveryNode(cluster, "poster", room);
        List<Member> readers = Member.onEveryNode(cluster, "reader", room);
        long catchUpsBefore = catchUps(cluster);
        Posting posting = new Posting(room);
        posters.forEach(posting::start);
        int acknowledgedDuring;
        try {
            Eventually.sleep(1_000);
            int beforeTheOutage = posting.acknowledged.size();
            cluster.redis().stop();
            try {
                Eventually.sleep(OUTAGE_MILLIS / 2);
                assertThat(NodeOperations.health(cluster.http(1)).path("status").asText())
                        .as("/health with the bus down").isEqualTo("DEGRADED");
                Eventually.sleep(OUTAGE_MILLIS / 2);
                acknowledgedDuring = posting.acknowledged.size() - beforeTheOutage;
            } finally {
                cluster.redis().start();
            }
            Eventually.sleep(3_000);
        } finally {
            posting.stop();
        }

        List<Long> stored = readers.get(0).storedChanges(room);
        assertThat(stored).as("stored: exactly the acknowledged posts").containsExactlyElementsOf(
                posting.acknowledged.stream().sorted().toList());
        for (Member member : readers) {
            member.awaitAll(stored);
        }
        for (Member member : posters) {
            member.awaitAll(stored);
        }
        System.out.printf("redis outage: %d posts acknowledged, %d of them while Redis was down; catch-ups %d%n",
                stored.size(), acknowledgedDuring, catchUps(cluster) - catchUpsBefore);
        assertThat(acknowledgedDuring).as("posts acknowledged while Redis was down").isPositive();
        for (Member member : readers) {
            Member.assertExactlyInOrder(member.toString(), member.seqs(), stored);
        }
        for (Member member : posters) {
            Member.assertExactlyInOrder(member.toString(), member.seqs(), stored);
        }
        Eventually.equals("UP", () -> NodeOperations.health(cluster.http(1)).path("status").asText(),
                "/health once Redis is back");
        readers.forEach(Member::close);
        posters.forEach(Member::close);
    }

    /** Rooms the nodes read from the store after the bus came back, summed over the nodes. */
    private static long catchUps(Cluster cluster) {
        long sum = 0;
        for (int node = 0; node < Cluster.NODES; node++) {
            sum += NodeOperations.counter(cluster.http(node), "chat_bus_catchups_total");
        }
        return sum;
    }
}
