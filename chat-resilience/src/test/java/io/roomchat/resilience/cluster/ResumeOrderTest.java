package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.resilience.Eventually;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §6: after a resuming join's reply the server sends the missed changes by {@code seq}, then live events —
 * also while other nodes post into the room, whose changes reach the node through the Redis bus: the join takes the
 * room's delivery turn on its node, where this node's and the other nodes' changes meet (docs/cluster.md).
 */
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

    /**
     * What the member received after its join's reply; no message may come before it (its own presence event may:
     * docs/protocol.md, the join reply).
     */
    private static List<JsonNode> afterTheReply(Member member) {
        List<JsonNode> frames = member.client.received();
        int reply = 0;
        while (!frames.get(reply).has("statusCode")) {
            reply++;
        }
        assertThat(Member.seqs(frames.subList(0, reply))).as("%s: no message before the join's reply", member)
                .isEmpty();
        return frames.subList(reply + 1, frames.size());
    }
}
