package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.resilience.Eventually;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node killed with SIGKILL while every node has posters: the clients it held reconnect to another node with
 * {@code onJoin since} (the last {@code seq} they saw) and end with every acknowledged change once, in order across
 * the resume; members of the surviving nodes see every change once, in order.
 */
class NodeKillTest {
    private static final int VICTIM = 0;
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 20;

    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    @Test
    void the_clients_of_a_killed_node_resume_on_another_node_and_lose_nothing_acknowledged() throws Exception {
        Cluster cluster = CLUSTER.get();
        String room = "kill-" + UUID.randomUUID();
        List<Member> posters = Member.onEveryNode(cluster, "poster", room);
        Member victimReader = Member.joined(cluster, VICTIM, "victim-" + UUID.randomUUID(), room);
        Member survivor = Member.joined(cluster, 1, "survivor-" + UUID.randomUUID(), room);

        Posting posting = new Posting(room);
        Future<Integer> victimPoster = posting.start(posters.get(0));
        posters.subList(1, posters.size()).forEach(posting::start);
        List<Long> beforeTheKill;
        Member resumed;
        Member resumedPoster;
        try {
            while (posting.acknowledged.size() < ACKNOWLEDGED_BEFORE_THE_KILL) {
                Eventually.sleep(20);
            }
            cluster.kill(VICTIM);
            // The victim's poster saw its connection end: its thread returns.
            victimPoster.get(1, TimeUnit.MINUTES);
            beforeTheKill = victimReader.seqs();
            long since = beforeTheKill.isEmpty() ? 0 : beforeTheKill.get(beforeTheKill.size() - 1);
            resumed = Member.resumed(cluster, 2, victimReader.userId, room, since);
            // The killed node's poster comes back on another node and posts on.
            resumedPoster = Member.joined(cluster, 1, posters.get(0).userId, room);
            posting.start(resumedPoster, 10);
            Eventually.sleep(2_000);
        } finally {
            posting.stop();
            cluster.replace(VICTIM);
        }

        // A post the killed node stored but could not acknowledge may be there too: the store is the truth.
        List<Long> stored = survivor.storedChanges(room);
        assertThat(stored).as("every acknowledged post is stored").containsAll(posting.acknowledged);
        survivor.awaitAll(stored);
        resumed.awaitAll(stored.stream().filter(seq -> !beforeTheKill.contains(seq)).toList());
        List<Long> victimSaw = new ArrayList<>(beforeTheKill);
        victimSaw.addAll(resumed.seqs());
        System.out.printf("kill: %d changes acknowledged, %d stored, %d seen before the kill, %d after resuming%n",
                posting.acknowledged.size(), stored.size(), beforeTheKill.size(), resumed.seqs().size());
        assertThat(beforeTheKill).as("the victim saw changes before the kill").isNotEmpty();
        // Every change once, in seq order across the resume too.
        Member.assertExactlyInOrder("the killed node's client, before and after resuming", victimSaw, stored);
        Member.assertExactlyInOrder(survivor.toString(), survivor.seqs(), stored);
        for (Member member : List.of(resumed, resumedPoster, survivor, posters.get(1), posters.get(2))) {
            member.close();
        }
    }
}
