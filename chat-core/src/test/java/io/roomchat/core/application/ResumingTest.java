package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.RoomEventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ResumingTest {
    private final ChatHarness chat = new ChatHarness();

    private Reply resume(ConnectionId who, String room, long since) {
        return chat.core.handle(who, new JoinRoomCommand(room(room), new DisplayName("Alice"),
                OptionalLong.of(since)));
    }

    @Test
    void a_join_with_since_sends_the_current_state_of_every_message_changed_after_it_by_seq() {
        var bob = chat.connectAndJoin("bob", "general");
        var first = chat.posted(bob, "general", "first");
        long since = chat.posted(bob, "general", "seen").seq();
        chat.posted(bob, "general", "missed");
        chat.core.handle(bob, new ChangeMessageCommand(room("general"), new MessageRef.ById(first.messageId()),
                new MessageChange.Replace(new MessageText("first, edited"))));
        var alice = chat.connect("alice", Protocol.V2);

        ReplyPayload.Joined joined = V2JoinReplyTest.joined(resume(alice, "general", since));

        assertThat(joined.recovered()).contains(true);
        assertThat(chat.received(alice)).extracting(m -> m.text().value())
                .containsExactly("missed", "first, edited");
        assertThat(chat.received(alice)).extracting(ChatMessage::seq).isSorted().allMatch(seq -> seq > since);
        assertThat(joined.seq()).isEqualTo(chat.received(alice).get(1).seq());
    }

    @Test
    void the_reply_goes_out_before_the_catch_up() {
        var bob = chat.connectAndJoin("bob", "general");
        chat.posted(bob, "general", "missed");
        var alice = chat.connect("alice", Protocol.V2);
        List<Integer> eventsReceivedWhenReplied = new ArrayList<>();

        chat.core.handle(alice, new JoinRoomCommand(room("general"), new DisplayName("Alice"), OptionalLong.of(0)),
                reply -> eventsReceivedWhenReplied.add(chat.received(alice).size()));

        assertThat(eventsReceivedWhenReplied).as("one reply, sent before any catch-up event").containsExactly(0);
        assertThat(chat.received(alice)).extracting(m -> m.text().value()).containsExactly("missed");
    }

    @Test
    void after_the_catch_up_live_events_follow() {
        var bob = chat.connectAndJoin("bob", "general");
        chat.posted(bob, "general", "missed");
        var alice = chat.connect("alice", Protocol.V2);
        resume(alice, "general", 0);

        chat.posted(bob, "general", "live");

        assertThat(chat.received(alice)).extracting(m -> m.text().value()).containsExactly("missed", "live");
    }

    @Test
    void a_since_at_or_past_the_latest_seq_sends_nothing_and_is_recovered() {
        var bob = chat.connectAndJoin("bob", "general");
        long latest = chat.posted(bob, "general", "seen").seq();
        var alice = chat.connect("alice", Protocol.V2);

        assertThat(V2JoinReplyTest.joined(resume(alice, "general", latest)).recovered()).contains(true);
        assertThat(V2JoinReplyTest.joined(resume(alice, "general", latest + 100)).recovered()).contains(true);
        assertThat(chat.received(alice)).isEmpty();
    }

    @Test
    void more_than_500_missing_changes_are_not_recovered_and_none_is_sent() {
        var bob = chat.connectAndJoin("bob", "general");
        for (int i = 0; i < 501; i++) {
            chat.posted(bob, "general", "m" + i);
        }
        var alice = chat.connect("alice", Protocol.V2);

        assertThat(V2JoinReplyTest.joined(resume(alice, "general", 0)).recovered()).contains(false);
        assertThat(chat.received(alice)).isEmpty();
        assertThat(V2JoinReplyTest.joined(resume(alice, "general", 1)).recovered())
                .as("exactly 500 missing is recovered").contains(true);
        assertThat(chat.received(alice)).hasSize(500);
    }

    @Test
    void a_v1_join_ignores_since_and_sends_nothing_more() {
        var bob = chat.connectAndJoin("bob", "general");
        chat.posted(bob, "general", "before");
        var alice = chat.connect("alice");

        assertThat(resume(alice, "general", 0)).isEqualTo(Reply.ok());
        assertThat(chat.received(alice)).isEmpty();
    }

    @Test
    void a_post_stored_but_not_yet_published_when_the_resume_starts_arrives_once() throws Exception {
        var bob = chat.connectAndJoin("bob", "general");
        chat.posted(bob, "general", "seen");
        var alice = chat.connect("alice", Protocol.V2);
        chat.messages.holdSyncs();
        var posting = CompletableFuture.supplyAsync(() -> chat.posted(bob, "general", "in flight"));
        awaitStored(2);

        var resuming = CompletableFuture.supplyAsync(() -> resume(alice, "general", 1));
        chat.messages.releaseSyncs();
        posting.get(10, TimeUnit.SECONDS);
        V2JoinReplyTest.joined(resuming.get(10, TimeUnit.SECONDS));
        chat.posted(bob, "general", "after");

        assertThat(chat.received(alice)).extracting(m -> m.text().value()).containsExactly("in flight", "after");
    }

    @Test
    void a_resume_asked_for_inside_its_rooms_own_publication_fails_rather_than_waiting_for_itself() {
        var bob = chat.connectAndJoin("bob", "general");
        var alice = chat.connect("alice", Protocol.V2);
        var nested = new ArrayList<Reply>();
        chat.gateway.duringNextDelivery(() -> nested.add(resume(alice, "general", 0)));

        // Preemptively: before the guard, this waited for its own turn for ever.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> chat.posted(bob, "general", "an instant answer"));

        assertThat(nested).extracting(Reply::status).containsExactly(Status.INTERNAL_ERROR);
    }

    @Test
    void a_publisher_that_keeps_its_own_delivery_order_runs_the_resume_in_its_turn_and_sets_the_divide() {
        List<String> turns = new ArrayList<>();
        long[] divide = new long[1];
        ChatHarness node = new ChatHarness(Limits.defaults(), broadcast -> new RoomEventPublisher() {
            @Override
            public void publish(Announcement announcement) {
                broadcast.broadcast(announcement);
            }

            @Override
            public <T> Optional<T> inDeliveryTurn(RoomName room, long since,
                                                  Function<LongSupplier, T> action) {
                turns.add(room.value() + " since " + since);
                return Optional.of(action.apply(() -> divide[0]));
            }
        });
        var bob = node.connectAndJoin("bob", "general");
        long since = node.posted(bob, "general", "seen").seq();
        divide[0] = node.posted(bob, "general", "delivered here").seq();
        // Stored, but (as the publisher tells) not yet delivered on this node: it reaches the resumer live.
        node.posted(bob, "general", "still on its way");
        var alice = node.connect("alice", Protocol.V2);

        ReplyPayload.Joined joined = V2JoinReplyTest.joined(node.core.handle(alice,
                new JoinRoomCommand(room("general"), new DisplayName("Alice"), OptionalLong.of(since))));

        assertThat(turns).containsExactly("general since " + since);
        assertThat(joined.seq()).isEqualTo(divide[0]);
        assertThat(node.received(alice)).extracting(m -> m.text().value()).containsExactly("delivered here");
    }

    private void awaitStored(long seq) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (chat.messages.latestSeq(room("general")) < seq) {
            assertThat(System.nanoTime()).as("stored in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
