package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cross-node delivery and one order per room: posters on every node at once, and every member on every node (v1 and
 * v2 connections) receives every change once, in {@code seq} order — the same order everywhere.
 */
class CrossNodeOrderTest {
    private static final int POSTS_PER_POSTER = 15;

    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    @Test
    void concurrent_posters_on_every_node_and_every_member_everywhere_sees_each_change_once_in_seq_order()
            throws Exception {
        Cluster cluster = CLUSTER.get();
        String room = "order-" + UUID.randomUUID();
        List<Member> members = new ArrayList<>();
        for (int node = 0; node < Cluster.NODES; node++) {
            members.add(Member.joined(cluster, node, "poster-" + node + "-" + UUID.randomUUID(), room));
            members.add(Member.joined(cluster, node, "reader-" + node + "-" + UUID.randomUUID(), room));
        }
        for (int node = 0; node < Cluster.NODES; node++) {
            // v1 and v2 connections share rooms; v1 events carry seq too.
            members.add(Member.joinedV1(cluster, node, "v1-reader-" + node + "-" + UUID.randomUUID(), room));
        }
        Posting posting = new Posting();
        ExecutorService threads = Executors.newFixedThreadPool(Cluster.NODES);
        List<Future<Integer>> posters = new ArrayList<>();
        for (Member member : members) {
            if (member.userId.startsWith("poster-")) {
                posters.add(threads.submit(() -> posting.postTimes(member, room, POSTS_PER_POSTER)));
            }
        }
        for (Future<Integer> poster : posters) {
            assertThat(poster.get(2, TimeUnit.MINUTES)).isEqualTo(POSTS_PER_POSTER);
        }
        threads.shutdown();

        assertThat(posting.acknowledged).hasSize(Cluster.NODES * POSTS_PER_POSTER);
        assertThat(members.get(0).storedChanges(room)).as("stored: exactly the acknowledged posts")
                .containsExactlyElementsOf(new TreeSet<>(posting.acknowledged));
        for (Member member : members) {
            member.awaitAll(posting.acknowledged);
        }
        for (Member member : members) {
            Member.assertExactlyInOrder(member.toString(), member.seqs(), posting.acknowledged);
            member.close();
        }
    }
}
