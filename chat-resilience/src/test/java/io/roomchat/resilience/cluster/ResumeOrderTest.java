package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.resilience.Eventually;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §6: after a resuming join's reply the server sends the missed changes by {@code seq}, then live events —
 * also while other nodes post into the room. On a node with the Redis bus it does not yet: the join's catch-up runs
 * in the node's own room order, but changes from other nodes arrive through the bus outside it, so one stored after
 * the join read the room can reach the resumed connection before the catch-up (seen: 29 before 21..28), even
 * before the join's reply (seen here when enabled with
 * {@code -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition}), and one
 * still on its way on the bus when the join read the room can reach it twice.
 */
@Disabled("defect: a resuming join's catch-up races the Redis bus's live events on that node (docs/cluster.md)")
class ResumeOrderTest {
    private static final int RESUMES = 10;

    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    @Test
    void a_client_resuming_on_one_node_while_others_post_gets_the_catch_up_then_live_events_each_once_in_order()
            throws Exception {
        Cluster cluster = CLUSTER.get();
        String room = "resume-" + UUID.randomUUID();
        List<Member> posters = Member.onEveryNode(cluster, "poster", room);
        Posting posting = new Posting(room);
        posters.forEach(posting::start);
        Map<Member, Long> resumed = new LinkedHashMap<>();
        try {
            for (int n = 0; n < RESUMES; n++) {
                Eventually.sleep(300);
                long since = Math.max(0, posting.acknowledged.size() - 5);
                resumed.put(Member.resumed(cluster, n % Cluster.NODES, "resumer-" + n + "-" + UUID.randomUUID(),
                        room, since), since);
            }
            Eventually.sleep(1_000);
        } finally {
            posting.stop();
        }

        List<Long> stored = posters.get(0).storedChanges(room);
        resumed.forEach((member, since) -> {
            List<Long> expected = stored.stream().filter(seq -> seq > since).toList();
            member.awaitAll(expected);
            Member.assertExactlyInOrder(member.toString(), Member.seqs(afterTheReply(member)), expected);
        });
    }

    /** What the member received after its join's reply; nothing may come before it. */
    private static List<JsonNode> afterTheReply(Member member) {
        List<JsonNode> frames = member.client.received();
        int reply = 0;
        while (!frames.get(reply).has("statusCode")) {
            reply++;
        }
        assertThat(reply).as("%s: no event before the join's reply", member).isZero();
        return frames.subList(reply + 1, frames.size());
    }
}
