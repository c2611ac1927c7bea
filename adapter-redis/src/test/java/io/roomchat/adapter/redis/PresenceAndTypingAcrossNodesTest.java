package io.roomchat.adapter.redis;

import static io.roomchat.adapter.redis.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.PresentUser;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.testkit.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Presence and typing, which have no seq, cross the real Redis bus on arrival, once each, never to the origin.
 * Cluster-wide presence on a real Redis, with in-process nodes (each its own core and connection store): one join
 * per user however many nodes it is on, one leave when its last connection anywhere goes, and a node that stops
 * without a word (its bus closed, its connections never disconnected: the stand-in for SIGKILL) leaves presence
 * once its heartbeat runs out, with leave events on the others.
 */
class PresenceAndTypingAcrossNodesTest {
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();
    private static final BusSettings QUICK = BusSettings.DEFAULTS.withHeartbeat(Duration.ofMillis(200),
            Duration.ofSeconds(1));
    private static final UserId ALICE = new UserId("alice");

    @RegisterExtension
    final RedisCluster cluster = new RedisCluster(REDIS, QUICK);
    private final RoomName room = cluster.room();

    private Node node() {
        return cluster.node();
    }

    private List<RoomEvent.Presence.Kind> aliceSeenBy(Node node, ConnectionId watcher) {
        return node.seenBy(watcher, RoomEvent.Presence.class).stream()
                .filter(event -> event.userId().equals(ALICE)).map(RoomEvent.Presence::kind).toList();
    }

    /** What a survivor does to a node whose heartbeat ran out (a long pause, say): its entries are taken out. */
    private List<RedisPresence.Transition> reapedWhileAlive(Node node) {
        cluster.redis().del("roomchat:node:" + node.bus.node());
        return reaper().reap(node.bus.node());
    }

    /** A node of the test's own, reaping as a survivor does. */
    private RedisPresence reaper() {
        return new RedisPresence(cluster.redis(), "reaper-" + UUID.randomUUID());
    }

    private void awaitSubscribed(Node... all) {
        for (Node node : all) {
            await(() -> assertThat(node.bus.isSubscribed(room)).isTrue());
        }
    }

    @Test
    void typingOnOneNodeReachesTheOtherV2MembersOnEveryNodeOnceAndNeverItsOrigin() {
        Node a = node();
        Node b = node();
        ConnectionId alice = a.member("alice", room);
        ConnectionId aliceAgain = a.member("alice", room);
        ConnectionId bob = b.member("bob", room);
        awaitSubscribed(a, b);

        a.typing(alice, room);

        await(() -> assertThat(b.seenBy(bob, RoomEvent.Typing.class)).hasSize(1));
        await(() -> assertThat(a.seenBy(aliceAgain, RoomEvent.Typing.class)).hasSize(1));
        // A post after it, through the same channel, marks the point by which an echo would have arrived.
        a.post(alice, room, "after typing");
        await(() -> assertThat(a.receivedBy(aliceAgain)).hasSize(1));
        await(() -> assertThat(b.receivedBy(bob)).hasSize(1));
        assertThat(a.seenBy(aliceAgain, RoomEvent.Typing.class)).as("not again from Redis").hasSize(1);
        assertThat(a.seenBy(alice, RoomEvent.Typing.class)).isEmpty();
        assertThat(b.seenBy(bob, RoomEvent.Typing.class)).hasSize(1);
    }

    @Test
    void aJoinAndALeaveOnOneNodeAreToldToMembersOnAnother() {
        Node a = node();
        Node b = node();
        ConnectionId bob = b.member("bob", room);
        ConnectionId carolHere = a.member("carol", room);
        awaitSubscribed(a, b);

        ConnectionId alice = a.member("alice", room);
        a.disconnect(alice);

        await(() -> assertThat(b.seenBy(bob, RoomEvent.Presence.class))
                .filteredOn(event -> event.userId().equals(new UserId("alice")))
                .extracting(RoomEvent.Presence::kind)
                .containsExactly(RoomEvent.Presence.Kind.JOIN, RoomEvent.Presence.Kind.LEAVE));
        assertThat(a.seenBy(carolHere, RoomEvent.Presence.class))
                .filteredOn(event -> event.userId().equals(new UserId("alice"))).hasSize(2);
    }

    @Test
    void everyNodeListsAndCountsTheUsersOfEveryNode() {
        Node a = node();
        Node b = node();
        a.member("alice", room);
        b.member("bob", room);
        b.member("bob", room);

        for (Node node : List.of(a, b)) {
            var present = node.bus.connectionStore().presence(room, 100);
            assertThat(present.count()).isEqualTo(2);
            assertThat(present.listed()).extracting(PresentUser::userId)
                    .containsExactlyInAnyOrder(ALICE, new UserId("bob"));
            assertThat(node.bus.connectionStore().usersPresent(room, List.of())).isEqualTo(2);
        }
    }

    @Test
    void aUserOnTwoNodesJoinsOnceAndLeavesOnceWhenItsLastConnectionAnywhereGoes() {
        Node a = node();
        Node b = node();
        Node c = node();
        ConnectionId carol = c.member("carol", room);
        awaitSubscribed(c);

        ConnectionId aliceOnA = a.member("alice", room);
        ConnectionId aliceOnB = b.member("alice", room);
        awaitSubscribed(a, b);
        a.leave(aliceOnA, room);
        await(() -> assertThat(aliceSeenBy(c, carol)).containsExactly(RoomEvent.Presence.Kind.JOIN));
        assertThat(c.bus.connectionStore().presence(room, 100).count()).isEqualTo(2);

        b.disconnect(aliceOnB);

        await(() -> assertThat(aliceSeenBy(c, carol))
                .containsExactly(RoomEvent.Presence.Kind.JOIN, RoomEvent.Presence.Kind.LEAVE));
        assertThat(c.bus.connectionStore().presence(room, 100).count()).isEqualTo(1);
    }

    @Test
    void aNodeReapedWhileStillAliveAddsItsUsersBackOnItsNextBeat() {
        Node stalled = node();
        Node survivor = node();
        ConnectionId bob = survivor.member("bob", room);
        awaitSubscribed(survivor);
        stalled.member("alice", room);
        await(() -> assertThat(survivor.bus.connectionStore().presence(room, 100).count()).isEqualTo(2));

        var left = reapedWhileAlive(stalled);
        assertThat(left).extracting(transition -> transition.user().userId()).containsExactly(ALICE);

        await(() -> assertThat(survivor.bus.connectionStore().presence(room, 100).count()).isEqualTo(2));
        await(() -> assertThat(aliceSeenBy(survivor, bob))
                .containsExactly(RoomEvent.Presence.Kind.JOIN, RoomEvent.Presence.Kind.JOIN));
    }

    @Test
    void aNodeWhoseHeartbeatIsThereIsNotReaped() {
        Node alive = node();
        alive.member("alice", room);

        assertThat(reaper().reap(alive.bus.node())).isEmpty();

        assertThat(alive.bus.connectionStore().presence(room, 100).count()).isEqualTo(1);
    }

    /**
     * A node reaped once while alive (a long pause), back, then killed: the survivors reap it again once its
     * heartbeat runs out. An earlier reap leaves nothing behind that holds the next one off (it once left a claim,
     * held for a minute, that did).
     */
    @Test
    void aNodeReapedOnceAndKilledLaterLeavesAgainOnceItsHeartbeatRunsOut() {
        Node doomed = node();
        Node survivor = node();
        ConnectionId bob = survivor.member("bob", room);
        awaitSubscribed(survivor);
        doomed.member("alice", room);
        await(() -> assertThat(aliceSeenBy(survivor, bob)).containsExactly(RoomEvent.Presence.Kind.JOIN));
        reapedWhileAlive(doomed);
        // This reaper publishes no leave; the doomed node's next beat adds alice back, with a join.
        await(() -> assertThat(aliceSeenBy(survivor, bob)).containsExactly(RoomEvent.Presence.Kind.JOIN,
                RoomEvent.Presence.Kind.JOIN));

        doomed.bus.close();

        await(() -> assertThat(aliceSeenBy(survivor, bob)).containsExactly(RoomEvent.Presence.Kind.JOIN,
                RoomEvent.Presence.Kind.JOIN, RoomEvent.Presence.Kind.LEAVE));
        assertThat(survivor.bus.connectionStore().presence(room, 100).count()).isEqualTo(1);
    }

    @Test
    void aNodeThatStopsWithoutAWordLeavesPresenceOnceItsHeartbeatRunsOut() {
        Node doomed = node();
        Node survivor = node();
        Node other = node();
        ConnectionId bob = survivor.member("bob", room);
        ConnectionId dave = other.member("dave", room);
        awaitSubscribed(survivor, other);
        doomed.member("alice", room);
        await(() -> assertThat(aliceSeenBy(survivor, bob)).containsExactly(RoomEvent.Presence.Kind.JOIN));

        doomed.bus.close(); // no disconnects, no clean-up: as if killed

        await(() -> assertThat(aliceSeenBy(survivor, bob))
                .containsExactly(RoomEvent.Presence.Kind.JOIN, RoomEvent.Presence.Kind.LEAVE));
        await(() -> assertThat(aliceSeenBy(other, dave))
                .containsExactly(RoomEvent.Presence.Kind.JOIN, RoomEvent.Presence.Kind.LEAVE));
        assertThat(survivor.bus.connectionStore().presence(room, 100).count()).isEqualTo(2);
    }
}
