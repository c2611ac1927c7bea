package io.roomchat.adapter.postgres;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.message;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.Concurrently;
import io.roomchat.testkit.PostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two storages on one database, each with its own pool: two nodes of a cluster, racing on one room. */
class TwoNodesTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();
    private static final int WRITERS_PER_NODE = 4;
    private static final int POSTS_PER_WRITER = 25;

    private PostgresChatStorage nodeA;
    private PostgresChatStorage nodeB;

    @BeforeEach
    void startNodes() {
        String url = POSTGRES.newDatabase();
        nodeA = PostgresChatStorage.builder().url(url).user(PostgresServer.USER).poolSize(WRITERS_PER_NODE).build();
        nodeB = PostgresChatStorage.builder().url(url).user(PostgresServer.USER).poolSize(WRITERS_PER_NODE).build();
    }

    @AfterEach
    void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void posts_racing_on_two_nodes_into_one_room_never_share_a_seq_and_leave_none_out() throws Exception {
        RoomName room = room();
        List<Callable<List<Long>>> writers = new ArrayList<>();
        for (int w = 0; w < 2 * WRITERS_PER_NODE; w++) {
            MessageStore node = (w % 2 == 0 ? nodeA : nodeB).messageStore();
            long firstMillis = (long) w * POSTS_PER_WRITER;
            writers.add(() -> {
                List<Long> seqs = new ArrayList<>();
                UserId author = user();
                for (int i = 0; i < POSTS_PER_WRITER; i++) {
                    InsertOutcome outcome = node.insert(message(room, author, T0.plusMillis(firstMillis + i)));
                    seqs.add(((InsertOutcome.Stored) outcome).message().seq());
                }
                return seqs;
            });
        }

        List<Long> seqs = Concurrently.run(writers).stream().flatMap(List::stream).sorted().toList();

        long total = 2L * WRITERS_PER_NODE * POSTS_PER_WRITER;
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(nodeA.messageStore().latestSeq(room)).isEqualTo(total);
        assertThat(nodeB.messageStore().page(room, new HistoryCursor.Since(0), (int) total).messages())
                .extracting(ChatMessage::seq).containsExactlyElementsOf(seqs);
    }

    /**
     * Each node proposes times from its own clock, node B's running 50 ms behind node A's, as the core does; the
     * store stamps each post under the room's seq, so by seq the postedAts only rise, on both nodes' posts.
     */
    @Test
    void posts_racing_on_two_nodes_with_skewed_clocks_carry_postedAts_in_seq_order() throws Exception {
        RoomName room = room();
        List<Callable<List<ChatMessage>>> writers = new ArrayList<>();
        for (int w = 0; w < 2 * WRITERS_PER_NODE; w++) {
            boolean onA = w % 2 == 0;
            MessageStore node = (onA ? nodeA : nodeB).messageStore();
            long skewMillis = onA ? 0 : -50;
            writers.add(() -> {
                List<ChatMessage> stored = new ArrayList<>();
                UserId author = user();
                for (int i = 0; i < POSTS_PER_WRITER; i++) {
                    InsertOutcome outcome = node.insert(message(room, author, T0.plusMillis(100 + skewMillis + i)));
                    stored.add(((InsertOutcome.Stored) outcome).message());
                }
                return stored;
            });
        }

        List<ChatMessage> answered = Concurrently.run(writers).stream().flatMap(List::stream).toList();

        int total = 2 * WRITERS_PER_NODE * POSTS_PER_WRITER;
        List<ChatMessage> bySeq = nodeA.messageStore().page(room, new HistoryCursor.Since(0), total).messages();
        assertThat(bySeq).as("what each post was answered is what is stored").containsExactlyInAnyOrderElementsOf(
                answered);
        for (int i = 1; i < bySeq.size(); i++) {
            assertThat(bySeq.get(i).postedAt()).as("postedAt of seq %d after seq %d's", bySeq.get(i).seq(),
                    bySeq.get(i - 1).seq()).isAfter(bySeq.get(i - 1).postedAt());
        }
        List<ChatMessage> byTime = nodeB.messageStore().page(room, HistoryCursor.latest(), total).messages();
        assertThat(byTime).as("history by postedAt is the seq order").containsExactlyElementsOf(bySeq);
    }

    @Test
    void edits_on_one_node_and_posts_on_the_other_take_distinct_seqs() throws Exception {
        RoomName room = room();
        UserId author = user();
        ChatMessage first = ((InsertOutcome.Stored) nodeA.messageStore().insert(message(room, author, T0)))
                .message();
        int rounds = 30;
        List<Long> seqs = Concurrently.run(List.<Callable<List<Long>>>of(
                () -> {
                    List<Long> taken = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        EditOutcome edited = nodeA.messageStore().edit(room, new MessageRef.ById(first.id()), author,
                                new MessageChange.Replace(new MessageText("edit " + i)), T0.plusSeconds(1 + i));
                        taken.add(((EditOutcome.Edited) edited).message().seq());
                    }
                    return taken;
                },
                () -> {
                    List<Long> taken = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        InsertOutcome posted = nodeB.messageStore().insert(message(room, author, T0.plusMillis(1 + i)));
                        taken.add(((InsertOutcome.Stored) posted).message().seq());
                    }
                    return taken;
                })).stream().flatMap(List::stream).sorted().toList();

        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(2, 1 + 2L * rounds).boxed().toList());
    }

    @Test
    void one_key_posted_on_both_nodes_at_once_is_stored_once() throws Exception {
        RoomName room = room();
        UserId author = user();
        ClientMessageId key = new ClientMessageId("resent-1");

        List<InsertOutcome> outcomes = Concurrently.run(List.<Callable<InsertOutcome>>of(
                () -> nodeA.messageStore().insert(message(room, author, T0), key),
                () -> nodeB.messageStore().insert(message(room, author, T0.plusMillis(1)), key)));

        assertThat(outcomes).filteredOn(InsertOutcome.Stored.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(InsertOutcome.DuplicateOf.class::isInstance).hasSize(1);
        assertThat(nodeA.messageStore().latestSeq(room)).isEqualTo(1);
    }
}
