package io.roomchat.adapter.redis;

import static io.roomchat.adapter.redis.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.RedisServer;
import io.roomchat.wire.WireCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisBusTest {
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();
    @RegisterExtension
    final RedisCluster cluster = new RedisCluster(REDIS);

    private final MessageStore messages = cluster.messages();
    private final RoomName room = cluster.room();

    @Test
    void aMessagePostedOnOneNodeReachesMembersOnAnother() {
        Node a = node();
        Node b = node();
        ConnectionId alice = a.member("alice", room);
        ConnectionId bob = b.member("bob", room);

        a.post(alice, room, "hello from a");

        await(() -> assertThat(texts(b.receivedBy(bob))).containsExactly("hello from a"));
        assertThat(texts(a.receivedBy(alice))).containsExactly("hello from a");
    }

    @Test
    void concurrentPostersOnEveryNodeLeaveEveryMemberWithTheSameOrderBySeqNoneMissing() throws Exception {
        List<Node> three = List.of(node(), node(), node());
        List<ConnectionId> members = new ArrayList<>();
        for (Node node : three) {
            members.add(node.member("user-" + members.size(), room));
            members.add(node.member("user-" + members.size(), room));
        }
        int postsEach = 40;
        ExecutorService posters = Executors.newFixedThreadPool(members.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Node node = three.get(i / 2);
            ConnectionId poster = members.get(i);
            int p = i;
            done.add(posters.submit(() -> {
                go.await();
                for (int n = 0; n < postsEach; n++) {
                    node.post(poster, room, p + "-" + n);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> posted : done) {
            posted.get();
        }
        posters.shutdown();

        List<ChatMessage> stored = messages.page(room, new HistoryCursor.Since(0), 10_000).messages();
        assertThat(stored).hasSize(members.size() * postsEach);
        for (int i = 0; i < members.size(); i++) {
            Node node = three.get(i / 2);
            ConnectionId member = members.get(i);
            await(() -> assertThat(node.receivedBy(member)).containsExactlyElementsOf(stored));
        }
    }

    @Test
    void aLaterSeqArrivingFirstIsHeldAndDeliveredAfterTheEarlierOne() {
        Node b = node();
        ConnectionId bob = b.member("bob", room);
        ChatMessage warmUp = settled(b, bob);
        ChatMessage first = stored("first");
        ChatMessage second = stored("second");

        publishRaw(second);
        publishRaw(first);

        await(() -> assertThat(b.receivedBy(bob)).containsExactly(warmUp, first, second));
    }

    @Test
    void aGapThatDoesNotFillIsReadFromTheStoreInOrder() {
        Node b = node();
        ConnectionId bob = b.member("bob", room);
        ChatMessage warmUp = settled(b, bob);
        ChatMessage lost = stored("never published");
        ChatMessage next = stored("published");

        publishRaw(next);

        await(() -> assertThat(b.receivedBy(bob)).containsExactly(warmUp, lost, next));
        assertThat(b.bus.gapFills()).isPositive();
        // Arriving late, the lost one is not delivered again.
        publishRaw(lost);
        publishRaw(next);
        ChatMessage after = stored("after");
        publishRaw(after);
        await(() -> assertThat(b.receivedBy(bob)).containsExactly(warmUp, lost, next, after));
    }

    @Test
    void heldEventsPerRoomAreCappedByReadingTheStoreAtOnce() {
        Node b = cluster.node(BusSettings.DEFAULTS.withHold(Duration.ofHours(1), 3));
        ConnectionId bob = b.member("bob", room);
        settled(b, bob);
        stored("never published");
        List<ChatMessage> later = List.of(stored("1"), stored("2"), stored("3"), stored("4"));

        later.forEach(this::publishRaw);

        // Held for an hour otherwise: the fourth held event makes the node read the gap from the store.
        await(() -> assertThat(b.receivedBy(bob)).hasSize(6).endsWith(later.toArray(ChatMessage[]::new)));
    }

    @Test
    void aNodeSubscribesOnlyToRoomsWithLocalMembersAndLeavesWithTheLastOne() {
        Node a = node();
        Node b = node();
        ConnectionId alice = a.member("alice", room);
        ConnectionId alice2 = a.member("alice", room);

        assertThat(a.bus.isSubscribed(room)).isTrue();
        assertThat(b.bus.isSubscribed(room)).isFalse();
        await(() -> assertThat(subscribers(room)).isEqualTo(1));

        a.leave(alice, room);
        assertThat(a.bus.isSubscribed(room)).isTrue();
        a.leave(alice2, room);
        assertThat(a.bus.isSubscribed(room)).isFalse();
        await(() -> assertThat(subscribers(room)).isZero());
    }

    @Test
    void aMemberJoiningLaterReceivesOnlyWhatIsPostedAfterItJoined() {
        Node a = node();
        Node b = node();
        ConnectionId alice = a.member("alice", room);
        a.post(alice, room, "before bob");
        ConnectionId bob = b.member("bob", room);

        a.post(alice, room, "after bob");

        await(() -> assertThat(texts(b.receivedBy(bob))).containsExactly("after bob"));
    }

    @Test
    void clientsResumingOnOneNodeWhileOtherNodesPostGetTheCatchUpThenLiveEventsEachOnceInSeqOrder()
            throws Exception {
        Node a = node();
        Node b = node();
        Node c = node();
        List<ConnectionId> posters = List.of(a.member("poster-a", room), c.member("poster-c", room));
        AtomicBoolean posting = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(posters.size());
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < posters.size(); i++) {
            Node node = i == 0 ? a : c;
            ConnectionId poster = posters.get(i);
            done.add(threads.submit(() -> {
                for (int n = 0; posting.get(); n++) {
                    node.post(poster, room, poster + "-" + n);
                    // Two nodes' clocks on one in-memory store: a few posts per millisecond exhaust its postedAts.
                    Thread.sleep(2);
                }
                return null;
            }));
        }
        // b has no member before the first resume (its join subscribes the room), then one per resume.
        Map<ConnectionId, Long> resumed = new LinkedHashMap<>();
        try {
            for (int n = 0; n < 20; n++) {
                Thread.sleep(20);
                long since = Math.max(0, messages.latestSeq(room) - 5);
                resumed.put(b.resumed("resumer-" + n, room, since), since);
            }
            Thread.sleep(200);
        } finally {
            posting.set(false);
            threads.shutdown();
        }
        for (Future<?> posted : done) {
            posted.get();
        }

        List<Long> stored = seqs(messages.page(room, new HistoryCursor.Since(0), 100_000).messages());
        resumed.forEach((resumer, since) -> {
            List<Long> expected = stored.stream().filter(seq -> seq > since).toList();
            await(() -> assertThat(seqs(b.receivedBy(resumer))).as("resumed after %d", since)
                    .containsExactlyElementsOf(expected));
        });
    }

    @Test
    void aClientResumingOnANodeBehindWhatItSawGetsNoneOfItAgain() {
        Node a = node();
        Node b = node();
        ConnectionId alice = a.member("alice", room);
        ConnectionId bob = b.member("bob", room);
        ChatMessage warmUp = settled(b, bob);
        // Stored on another node, its publication still on its way: the client saw it there, b has not yet.
        ChatMessage seen = stored("seen elsewhere");

        ConnectionId resumer = b.resumed("carol", room, seen.seq());
        a.post(alice, room, "after the resume");

        await(() -> assertThat(texts(b.receivedBy(resumer))).containsExactly("after the resume"));
        assertThat(texts(b.receivedBy(bob))).containsExactly(warmUp.text().value(), "seen elsewhere",
                "after the resume");
    }

    private Node node() {
        return cluster.node();
    }

    /**
     * Once a message published after the join has arrived, the subscription is confirmed and its catch-up done
     * (Redis confirms before it delivers, and the node handles both in order): what follows is the bus's alone.
     */
    private ChatMessage settled(Node node, ConnectionId member) {
        ChatMessage warmUp = stored("warm-up");
        publishRaw(warmUp);
        await(() -> assertThat(node.receivedBy(member)).contains(warmUp));
        return warmUp;
    }

    /** Stored as another node would store it, but not published. */
    private ChatMessage stored(String text) {
        var outcome = messages.insert(ChatMessage.posted(new MessageId(UUID.randomUUID().toString()), room,
                new UserId("carol"), new DisplayName("Carol"), new MessageText(text), Instant.now()
                        .plusMillis(System.nanoTime() % 1_000_000)));
        return ((InsertOutcome.Stored) outcome).message();
    }

    private void publishRaw(ChatMessage message) {
        cluster.redis().publish(RoomSubscriptions.channel(room),
                WireCodec.create().encodeBusEvent(Announcement.of(new RoomEvent.Message(message))));
    }

    private long subscribers(RoomName name) {
        return cluster.redis().pubsubNumsub(RoomSubscriptions.channel(name)).get(RoomSubscriptions.channel(name));
    }

    private static List<Long> seqs(List<ChatMessage> received) {
        return received.stream().map(ChatMessage::seq).toList();
    }

    private static List<String> texts(List<ChatMessage> received) {
        return received.stream().map(message -> message.text().value()).toList();
    }
}
