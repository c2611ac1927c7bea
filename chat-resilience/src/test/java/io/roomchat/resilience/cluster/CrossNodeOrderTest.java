package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
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
        List<Member> posters = Member.onEveryNode(cluster, "poster", room);
        List<Member> members = new ArrayList<>(posters);
        members.addAll(Member.onEveryNode(cluster, "reader", room));
        for (int node = 0; node < Cluster.NODES; node++) {
            // v1 and v2 connections share rooms; v1 events carry seq too.
            members.add(Member.joinedV1(cluster, node, "v1-reader-" + node + "-" + UUID.randomUUID(), room));
        }
        Posting posting = new Posting(room);
        posters.forEach(poster -> posting.start(poster, POSTS_PER_POSTER));
        assertThat(posting.stop()).containsOnly(POSTS_PER_POSTER);

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
