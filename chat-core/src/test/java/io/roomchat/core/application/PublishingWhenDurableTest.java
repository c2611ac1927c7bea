package io.roomchat.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write is acknowledged and published only once the store says it is durable; the store syncs outside the
 * room's lock, so a room's later writes are stored meanwhile, and publication still follows storage order.
 */
class PublishingWhenDurableTest {
    private final ChatHarness chat = new ChatHarness();
    private final ExecutorService posters = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        chat.messages.releaseSyncs();
        posters.shutdownNow();
    }

    private CompletableFuture<Reply> postLater(ConnectionId from, String room, String text) {
        return CompletableFuture.supplyAsync(() -> chat.post(from, room, text), posters);
    }

    @Test
    void the_reply_and_the_event_wait_until_the_message_is_durable() throws Exception {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");
        chat.messages.holdSyncs();

        CompletableFuture<Reply> reply = postLater(alice, "general", "hello");
        awaitTrue(() -> chat.messages.all().size() == 1 && chat.messages.syncs() == 1);

        assertThat(reply).isNotDone();
        assertThat(chat.received(bob)).isEmpty();
        chat.messages.releaseSyncs();
        assertThat(reply.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.OK);
        ChatMessage stored = chat.messages.all().get(0);
        assertThat(chat.messages.isDurable(stored)).isTrue();
        assertThat(chat.received(bob)).containsExactly(stored);
    }

    @Test
    void a_later_post_in_the_room_is_stored_while_an_earlier_one_syncs_and_both_publish_in_storage_order()
            throws Exception {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");
        var listener = chat.connectAndJoin("listener", "general");
        chat.messages.holdSyncs();

        CompletableFuture<Reply> first = postLater(alice, "general", "first");
        awaitTrue(() -> chat.messages.all().size() == 1);
        CompletableFuture<Reply> second = postLater(bob, "general", "second");
        awaitTrue(() -> chat.messages.all().size() == 2);

        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        chat.messages.releaseSyncs();
        assertThat(first.get(10, TimeUnit.SECONDS).isOk()).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS).isOk()).isTrue();
        assertThat(chat.received(listener)).extracting(m -> m.text().value()).containsExactly("first", "second");
        assertThat(chat.received(alice)).isEqualTo(chat.received(listener));
        assertThat(chat.received(bob)).isEqualTo(chat.received(listener));
    }

    @Test
    void a_failed_sync_is_a_fixed_500_and_nothing_is_published() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");
        chat.messages.failSyncs(true);

        Reply reply = chat.post(alice, "general", "not durable");

        assertThat(reply).isEqualTo(Reply.internalError());
        assertThat(chat.received(alice)).isEmpty();
        assertThat(chat.received(bob)).isEmpty();
    }

    @Test
    void after_a_failed_sync_the_room_publishes_its_next_posts_in_order() throws Exception {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");
        chat.messages.failSyncs(true);
        assertThat(chat.post(alice, "general", "lost").status()).isEqualTo(Status.INTERNAL_ERROR);
        chat.messages.failSyncs(false);

        ReplyPayload.Posted one = chat.posted(alice, "general", "one");
        ReplyPayload.Posted two = chat.posted(bob, "general", "two");

        assertThat(chat.received(bob)).extracting(ChatMessage::id).containsExactly(one.messageId(), two.messageId());
    }

    @Test
    void an_edit_is_published_only_once_durable_and_not_at_all_when_its_sync_fails() throws Exception {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");
        ReplyPayload.Posted posted = chat.posted(alice, "general", "typo");
        ChangeMessageCommand fix = new ChangeMessageCommand(ChatHarness.room("general"),
                new MessageRef.ById(posted.messageId()), new MessageChange.Replace(new MessageText("fixed")));

        chat.messages.failSyncs(true);
        assertThat(chat.core.handle(alice, fix)).isEqualTo(Reply.internalError());
        assertThat(chat.received(bob)).hasSize(1);

        chat.messages.failSyncs(false);
        chat.messages.holdSyncs();
        CompletableFuture<Reply> edit = CompletableFuture.supplyAsync(() -> chat.core.handle(alice, fix), posters);
        awaitTrue(() -> chat.messages.syncs() == 3);
        assertThat(edit).isNotDone();
        assertThat(chat.received(bob)).hasSize(1);
        chat.messages.releaseSyncs();
        assertThat(edit.get(10, TimeUnit.SECONDS).isOk()).isTrue();
        assertThat(chat.received(bob)).extracting(m -> m.text().value()).containsExactly("typo", "fixed");
    }

    @Test
    void a_refused_edit_waits_for_no_sync() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");
        ReplyPayload.Posted posted = chat.posted(alice, "general", "mine");
        int syncsBefore = chat.messages.syncs();
        chat.messages.holdSyncs();

        Reply reply = chat.core.handle(bob, new ChangeMessageCommand(ChatHarness.room("general"),
                new MessageRef.ById(posted.messageId()), new MessageChange.Erase()));

        assertThat(reply.status()).isEqualTo(Status.FORBIDDEN);
        assertThat(chat.messages.syncs()).isEqualTo(syncsBefore);
    }

    @Test
    void a_post_made_from_inside_a_delivery_to_the_same_room_fails_instead_of_waiting_for_itself() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");
        List<Reply> nested = new ArrayList<>();
        chat.gateway.duringNextDelivery(() -> nested.add(chat.post(bob, "general", "an instant answer")));

        Reply outer = chat.post(alice, "general", "question");

        assertThat(outer.isOk()).isTrue();
        assertThat(nested).containsExactly(Reply.internalError());
        assertThat(chat.messages.all()).hasSize(1);
        assertThat(chat.received(bob)).extracting(m -> m.text().value()).containsExactly("question");
    }

    @Test
    void concurrent_posters_with_slow_syncs_are_seen_in_one_order_per_room_and_acknowledged_only_when_durable()
            throws Exception {
        ChatHarness slow = new ChatHarness();
        slow.messages.syncTakesMillis(1);
        List<ConnectionId> members = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            members.add(slow.connectAndJoin("member" + i, "room" + (i % 3)));
        }
        List<CompletableFuture<List<ChatMessage>>> acknowledged = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            ConnectionId poster = members.get(i);
            String room = "room" + (i % 3);
            acknowledged.add(CompletableFuture.supplyAsync(() -> {
                List<ChatMessage> mine = new ArrayList<>();
                for (int n = 0; n < 40; n++) {
                    ReplyPayload.Posted posted = slow.posted(poster, room, "n" + n);
                    ChatMessage stored = slow.messages.all().stream()
                            .filter(m -> m.id().equals(posted.messageId())).findFirst().orElseThrow();
                    assertThat(slow.messages.isDurable(stored)).isTrue();
                    mine.add(stored);
                }
                return mine;
            }, posters));
        }
        for (CompletableFuture<List<ChatMessage>> poster : acknowledged) {
            assertThat(poster.get(30, TimeUnit.SECONDS)).hasSize(40);
        }

        for (int room = 0; room < 3; room++) {
            List<ChatMessage> reference = slow.received(members.get(room));
            assertThat(reference).hasSize(4 * 40).isSortedAccordingTo(Comparator.comparing(ChatMessage::postedAt));
            for (int i = room; i < members.size(); i += 3) {
                assertThat(slow.received(members.get(i))).containsExactlyElementsOf(reference);
            }
        }
        assertThat(slow.messages.syncs()).isEqualTo(12 * 40);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(1);
        }
    }
}
