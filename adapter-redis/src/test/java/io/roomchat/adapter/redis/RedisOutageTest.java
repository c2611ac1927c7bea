package io.roomchat.adapter.redis;

import static io.roomchat.adapter.redis.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.PresentUser;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.RedisServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis taken away while posting goes on: posts still succeed, and every node catches up once it is back. */
class RedisOutageTest {
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private final MessageStore messages = InMemoryChat.messageStore();
    private final RoomName room = new RoomName("outage");

    @Test
    void membersOnOtherNodesReceiveWhatTheyMissedInOrderOnceEachWhenTheBusIsBack() throws Exception {
        try (Node a = new Node(REDIS.url(), messages); Node b = new Node(REDIS.url(), messages)) {
            ConnectionId alice = a.member("alice", room);
            ConnectionId bob = b.member("bob", room);
            ConnectionId bob2 = b.member("bob2", room);
            a.post(alice, room, "before");
            await(() -> assertThat(b.receivedBy(bob)).hasSize(1));

            REDIS.stop();
            long deadline = System.nanoTime() + 3_000_000_000L;
            int posted = 0;
            while (System.nanoTime() < deadline) {
                // Each post is stored and acknowledged (post() fails the test otherwise) with the bus down.
                a.post(alice, room, "during " + posted++);
                Thread.sleep(50);
            }
            assertThat(a.bus.publishFailures()).isPositive();
            assertThat(texts(a.receivedBy(alice))).hasSize(1 + posted);

            REDIS.start();
            a.post(alice, room, "after");

            List<ChatMessage> stored = messages.page(room, new HistoryCursor.Since(0), 10_000).messages();
            assertThat(stored).hasSize(posted + 2);
            await(() -> assertThat(b.receivedBy(bob)).containsExactlyElementsOf(stored));
            await(() -> assertThat(b.receivedBy(bob2)).containsExactlyElementsOf(stored));
            assertThat(a.receivedBy(alice)).containsExactlyElementsOf(stored);
            assertThat(b.bus.catchUps()).isPositive();
        }
    }

    @Test
    void aNodeWithoutLocalPostsCatchesUpWhenTheBusReturnsEvenIfNothingIsPostedAfter() throws Exception {
        RoomName quiet = new RoomName("quiet");
        try (Node a = new Node(REDIS.url(), messages); Node b = new Node(REDIS.url(), messages)) {
            ConnectionId alice = a.member("alice", quiet);
            ConnectionId bob = b.member("bob", quiet);
            REDIS.stop();
            a.post(alice, quiet, "while down 1");
            a.post(alice, quiet, "while down 2");
            REDIS.start();

            List<ChatMessage> stored = messages.page(quiet, new HistoryCursor.Since(0), 100).messages();
            await(() -> assertThat(b.receivedBy(bob)).containsExactlyElementsOf(stored));
        }
    }

    @Test
    void presenceIsRepairedWhenRedisComesBackEvenAfterLosingItsData() throws Exception {
        RoomName lobby = new RoomName("presence-outage");
        BusSettings quick = BusSettings.DEFAULTS.withHeartbeat(Duration.ofMillis(200), Duration.ofSeconds(1));
        try (Node a = new Node(REDIS.url(), messages, quick); Node b = new Node(REDIS.url(), messages, quick)) {
            a.member("alice", lobby);
            b.member("bob", lobby);
            await(() -> assertThat(b.bus.connectionStore().presence(lobby, 100).count()).isEqualTo(2));

            REDIS.stop(); // the test server keeps nothing: every presence entry is lost
            a.member("carol", lobby); // judged on node a alone meanwhile
            REDIS.start();

            // The listing every node answers with is repaired. The join event a's repair publishes reaches b only if
            // b's subscriber is back first (Redis keeps no pub/sub backlog): best effort, docs/cluster.md.
            await(() -> assertThat(b.bus.connectionStore().presence(lobby, 100).listed())
                    .extracting(PresentUser::userId)
                    .containsExactlyInAnyOrder(new UserId("alice"), new UserId("bob"), new UserId("carol")));
        }
    }

    private static List<String> texts(List<ChatMessage> received) {
        return received.stream().map(message -> message.text().value()).toList();
    }
}
