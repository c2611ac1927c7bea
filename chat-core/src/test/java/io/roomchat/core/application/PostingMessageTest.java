package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PostingMessageTest {
    private final ChatHarness chat = new ChatHarness();

    @Test
    void a_new_message_is_stored_acknowledged_with_its_id_and_time_and_sent_to_every_member_including_the_sender() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");
        var carol = chat.connectAndJoin("carol", "elsewhere");

        ReplyPayload.Posted posted = chat.posted(alice, "general", "hello");

        ChatMessage stored = chat.messages.all().get(0);
        assertThat(posted.messageId()).isEqualTo(stored.id());
        assertThat(posted.postedAt()).isEqualTo(ChatHarness.START);
        assertThat(stored.author()).isEqualTo(new UserId("alice"));
        assertThat(stored.authorName()).isEqualTo(new DisplayName("alice name"));
        assertThat(stored.modifiedAt()).isEqualTo(stored.postedAt());
        assertThat(chat.received(alice)).containsExactly(stored);
        assertThat(chat.received(bob)).containsExactly(stored);
        assertThat(chat.received(carol)).isEmpty();
    }

    @Test
    void the_reply_and_the_event_carry_the_seq_the_store_gave_the_message() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");

        ReplyPayload.Posted first = chat.posted(alice, "general", "one");
        ReplyPayload.Posted second = chat.posted(bob, "general", "two");

        assertThat(first.seq()).isEqualTo(1);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(chat.received(bob)).extracting(ChatMessage::seq).containsExactly(1L, 2L);
    }

    @Test
    void the_event_is_encoded_once_for_all_recipients() {
        var alice = chat.connectAndJoin("alice", "general");
        List<io.roomchat.core.domain.ConnectionId> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(chat.connectAndJoin("member" + i, "general"));
        }

        chat.post(alice, "general", "to all");

        assertThat(chat.encodings).hasValue(1);
        String text = chat.gateway.textsFor(alice).get(0);
        assertThat(members).allSatisfy(m -> assertThat(chat.gateway.textsFor(m)).containsExactly(text));
    }

    @Test
    void a_name_given_with_the_message_overrides_the_joined_name() {
        var alice = chat.connectAndJoin("alice", "general");

        chat.core.handle(alice, new PostMessageCommand(room("general"), new MessageText("hi"),
                Optional.of(new DisplayName("Alice Cooper"))));

        assertThat(chat.received(alice).get(0).authorName()).isEqualTo(new DisplayName("Alice Cooper"));
    }

    @Test
    void posting_without_joining_is_forbidden_and_stores_nothing() {
        var alice = chat.connect("alice");

        Reply reply = chat.post(alice, "general", "sneaky");

        assertThat(reply.status()).isEqualTo(Status.FORBIDDEN);
        assertThat(reply.body()).contains("join");
        assertThat(chat.messages.all()).isEmpty();
    }

    @Test
    void posting_into_a_room_other_than_the_joined_one_is_forbidden() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "secret");

        assertThat(chat.post(alice, "secret", "let me in").status()).isEqualTo(Status.FORBIDDEN);
        assertThat(chat.received(bob)).isEmpty();
    }

    @Test
    void text_over_the_limit_is_413_and_text_at_the_limit_is_stored() {
        var alice = chat.connectAndJoin("alice", "general");

        Reply tooLong = chat.post(alice, "general", "x".repeat(4_001));
        Reply atLimit = chat.post(alice, "general", "x".repeat(4_000));

        assertThat(tooLong.status()).isEqualTo(Status.PAYLOAD_TOO_LARGE);
        assertThat(tooLong.body()).startsWith("message:");
        assertThat(atLimit.status()).isEqualTo(Status.OK);
        assertThat(chat.messages.all()).hasSize(1);
    }

    @Test
    void the_limit_counts_characters_not_utf16_units() {
        var alice = chat.connectAndJoin("alice", "general");

        assertThat(chat.post(alice, "general", "🎉".repeat(4_000)).status()).isEqualTo(Status.OK);
    }

    @Test
    void the_limit_is_configurable() {
        Limits limits = new Limits(32 * 1024, 10, 10, 20, java.time.Duration.ofMinutes(10), 50, 100, 1024, 1024 * 1024, 50, 200);
        ChatHarness small = new ChatHarness(limits);
        var alice = small.connectAndJoin("alice", "general");

        assertThat(small.post(alice, "general", "x".repeat(11)).status()).isEqualTo(Status.PAYLOAD_TOO_LARGE);
    }

    @Test
    void two_messages_in_the_same_millisecond_get_distinct_posting_times() {
        var alice = chat.connectAndJoin("alice", "general");

        var first = chat.posted(alice, "general", "one");
        var second = chat.posted(alice, "general", "two");

        assertThat(second.postedAt()).isEqualTo(first.postedAt().plusMillis(1));
        assertThat(second.messageId()).isNotEqualTo(first.messageId());
        assertThat(chat.messages.all()).hasSize(2);
    }

    @Test
    void posting_times_keep_posting_order_when_the_wall_clock_steps_back() {
        var alice = chat.connectAndJoin("alice", "general");
        var first = chat.posted(alice, "general", "before the clock step");

        chat.clock.advance(java.time.Duration.ofSeconds(-30));
        var second = chat.posted(alice, "general", "after the clock step");

        assertThat(second.postedAt()).isEqualTo(first.postedAt().plusMillis(1));
    }

    @Test
    void a_post_after_another_nodes_burst_ahead_of_this_clock_moves_past_it_instead_of_failing() {
        var alice = chat.connectAndJoin("alice", "general");
        var now = chat.clock.instant();
        // Another node sharing the store posted 100 messages, one a millisecond, from this node's "now" on.
        for (int i = 0; i < 100; i++) {
            chat.messages.insert(ChatMessage.posted(new MessageId("other-" + i),
                    room("general"), new UserId("bob"), new DisplayName("Bob"), new MessageText("burst " + i),
                    now.plusMillis(i)));
        }

        var posted = chat.posted(alice, "general", "after the burst");

        assertThat(posted.postedAt()).isEqualTo(now.plusMillis(100));
        assertThat(chat.messages.all()).hasSize(101);
    }

    @Test
    void a_storage_failure_is_a_fixed_500_and_nothing_is_delivered() {
        var alice = chat.connectAndJoin("alice", "general");
        chat.messages.failFromNowOn();

        Reply reply = chat.post(alice, "general", "lost?");

        assertThat(reply).isEqualTo(Reply.internalError());
        assertThat(reply.body()).doesNotContain("store is down");
        assertThat(chat.received(alice)).isEmpty();
    }

    @Test
    void concurrent_posters_in_one_room_are_seen_by_every_member_in_the_same_order_which_is_posting_order()
            throws Exception {
        List<io.roomchat.core.domain.ConnectionId> posters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posters.add(chat.connectAndJoin("poster" + i, "busy"));
        }
        var listener = chat.connectAndJoin("listener", "busy");
        ExecutorService pool = Executors.newFixedThreadPool(posters.size());
        CountDownLatch start = new CountDownLatch(1);
        for (var poster : posters) {
            pool.submit(() -> {
                start.await();
                for (int n = 0; n < 50; n++) {
                    chat.post(poster, "busy", "n" + n);
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<ChatMessage> reference = chat.received(listener);
        assertThat(reference).hasSize(300);
        assertThat(reference).isSortedAccordingTo(java.util.Comparator.comparing(ChatMessage::postedAt));
        for (var poster : posters) {
            assertThat(chat.received(poster)).containsExactlyElementsOf(reference);
        }
    }

    @Test
    void every_reply_is_reported_to_metrics() {
        var alice = chat.connectAndJoin("alice", "general");
        chat.post(alice, "general", "ok");
        chat.post(alice, "other", "forbidden");

        assertThat(chat.repliedStatuses).containsExactly(Status.OK, Status.OK, Status.FORBIDDEN);
    }
}
