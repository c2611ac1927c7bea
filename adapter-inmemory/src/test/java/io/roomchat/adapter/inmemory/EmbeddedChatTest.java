package io.roomchat.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.ReadHistoryQuery;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.core.port.out.TokenVerifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of the wire protocol (docs/protocol.md), end to end through the core, as an embedding program sees them. */
class EmbeddedChatTest {
    /** The token is the user id; a token starting with "bad" is refused. */
    private static final TokenVerifier TOKENS = token -> token.startsWith("bad")
            ? new TokenVerification.Refused("not a valid token")
            : new TokenVerification.Verified(new Identity(new UserId(token)));

    private static final RoomName GENERAL = new RoomName("general");
    private static final RoomName RANDOM = new RoomName("random");

    private final ConnectionStore connections = InMemoryChat.connectionStore();
    private final EmbeddedChat chat = InMemoryChat.builder(TOKENS)
            .connectionStore(connections)
            .clock(new SteppingClock())
            .build();

    @AfterEach
    void closeChat() {
        chat.close();
    }

    /** A connected user and every event its sink received, in order. */
    private record Member(EmbeddedConnection connection, List<ChatMessage> received) {
        Reply send(ClientCommand command) {
            return connection.send(command);
        }
    }

    private Member connect(String user) {
        List<ChatMessage> received = new CopyOnWriteArrayList<>();
        return new Member(chat.connect(user, received::add).orElseThrow(), received);
    }

    private Member joined(String user, RoomName room) {
        Member member = connect(user);
        assertThat(member.send(join(room, user)).status()).isEqualTo(Status.OK);
        return member;
    }

    private static JoinRoomCommand join(RoomName room, String name) {
        return new JoinRoomCommand(room, new DisplayName(name));
    }

    private static PostMessageCommand post(RoomName room, String text) {
        return new PostMessageCommand(room, new MessageText(text));
    }

    private static ChangeMessageCommand edit(RoomName room, MessageRef ref, String text) {
        return new ChangeMessageCommand(room, ref, new MessageChange.Replace(new MessageText(text)));
    }

    private static ChangeMessageCommand delete(RoomName room, MessageRef ref) {
        return new ChangeMessageCommand(room, ref, new MessageChange.Erase());
    }

    private static ReadHistoryQuery history(RoomName room, HistoryCursor cursor, int limit) {
        return new ReadHistoryQuery(room, cursor, OptionalInt.of(limit));
    }

    private static ReplyPayload.Posted posted(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(Status.OK);
        return (ReplyPayload.Posted) reply.payload().orElseThrow();
    }

    private static ReplyPayload.HistoryPage page(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(Status.OK);
        return (ReplyPayload.HistoryPage) reply.payload().orElseThrow();
    }

    private static MessageRef at(ReplyPayload.Posted posted) {
        return new MessageRef.ByPostedAt(posted.postedAt());
    }

    @Nested
    class Connecting {
        @Test
        void a_verified_token_opens_a_connection_for_its_user() {
            Member alice = connect("alice");

            assertThat(alice.connection().userId()).isEqualTo(new UserId("alice"));
            assertThat(alice.connection().isOpen()).isTrue();
            assertThat(connections.find(alice.connection().id())).isPresent();
        }

        @Test
        void a_refused_token_opens_nothing() {
            assertThat(chat.connect("bad-token", event -> { })).isEmpty();
        }

        @Test
        void a_blank_token_opens_nothing() {
            assertThat(chat.connect("", event -> { })).isEmpty();
        }
    }

    @Nested
    class Posting {
        @Test
        void a_post_reaches_every_member_of_the_room_the_sender_included_before_send_returns() {
            Member alice = joined("alice", GENERAL);
            Member bob = joined("bob", GENERAL);
            Member carol = joined("carol", RANDOM);
            Member dave = connect("dave");

            ReplyPayload.Posted posted = posted(alice.send(post(GENERAL, "hello")));

            ChatMessage expected = ChatMessage.posted(posted.messageId(), GENERAL, new UserId("alice"),
                    new DisplayName("alice"), new MessageText("hello"), posted.postedAt()).withSeq(posted.seq());
            assertThat(posted.seq()).isEqualTo(1);
            assertThat(alice.received()).containsExactly(expected);
            assertThat(bob.received()).containsExactly(expected);
            assertThat(expected.modifiedAt()).isEqualTo(expected.postedAt());
            assertThat(carol.received()).isEmpty();
            assertThat(dave.received()).isEmpty();
        }

        @Test
        void a_post_may_show_another_display_name() {
            Member alice = joined("alice", GENERAL);

            alice.send(new PostMessageCommand(GENERAL, new MessageText("hi"), Optional.of(new DisplayName("Ali"))));

            assertThat(alice.received()).singleElement()
                    .satisfies(event -> assertThat(event.authorName().value()).isEqualTo("Ali"));
        }

        @Test
        void posting_without_joining_is_forbidden_and_stores_nothing() {
            Member alice = joined("alice", GENERAL);
            Member dave = connect("dave");

            Reply reply = dave.send(post(GENERAL, "let me in"));

            assertThat(reply.status()).isEqualTo(Status.FORBIDDEN);
            assertThat(alice.received()).isEmpty();
            assertThat(page(alice.send(ReadHistoryQuery.latest(GENERAL))).messages()).isEmpty();
        }

        @Test
        void posting_into_a_room_other_than_the_joined_one_is_forbidden() {
            Member alice = joined("alice", GENERAL);
            Member carol = joined("carol", RANDOM);

            assertThat(carol.send(post(GENERAL, "wrong room")).status()).isEqualTo(Status.FORBIDDEN);
            assertThat(alice.received()).isEmpty();
        }

        @Test
        void joining_another_room_leaves_the_first() {
            Member alice = joined("alice", GENERAL);
            Member bob = joined("bob", GENERAL);

            bob.send(join(RANDOM, "bob"));
            alice.send(post(GENERAL, "still there?"));

            assertThat(bob.received()).isEmpty();
            assertThat(bob.send(post(GENERAL, "yes")).status()).isEqualTo(Status.FORBIDDEN);
            assertThat(connections.inRoom(GENERAL)).extracting(c -> c.connectionId())
                    .containsExactly(alice.connection().id());
        }

        @Test
        void the_lobby_is_an_ordinary_room() {
            RoomName lobby = new RoomName("_lobby");
            Member alice = joined("alice", lobby);

            posted(alice.send(post(lobby, "anyone?")));

            assertThat(alice.received()).hasSize(1);
        }

        @Test
        void a_text_at_the_limit_is_stored_and_one_character_more_is_refused_with_413() {
            Member alice = joined("alice", GENERAL);
            int max = chat.core().limits().maxMessageChars();

            Reply tooLong = alice.send(post(GENERAL, "x".repeat(max + 1)));
            Reply atLimit = alice.send(post(GENERAL, "🎉".repeat(max)));

            assertThat(tooLong.status()).isEqualTo(Status.PAYLOAD_TOO_LARGE);
            assertThat(atLimit.status()).as("the limit counts characters, not UTF-16 units").isEqualTo(Status.OK);
            assertThat(page(alice.send(ReadHistoryQuery.latest(GENERAL))).messages()).hasSize(1);
            assertThat(alice.received()).hasSize(1);
        }
    }

    @Nested
    class EditingAndDeleting {
        @Test
        void the_author_edits_by_posted_at_and_every_member_sees_the_update() {
            Member alice = joined("alice", GENERAL);
            Member bob = joined("bob", GENERAL);
            ReplyPayload.Posted posted = posted(alice.send(post(GENERAL, "helo")));

            Reply reply = alice.send(edit(GENERAL, at(posted), "hello"));

            assertThat(reply.status()).isEqualTo(Status.OK);
            for (Member member : List.of(alice, bob)) {
                assertThat(member.received()).hasSize(2);
                ChatMessage update = member.received().get(1);
                assertThat(update.id()).isEqualTo(posted.messageId());
                assertThat(update.postedAt()).isEqualTo(posted.postedAt());
                assertThat(update.modifiedAt()).isAfter(posted.postedAt());
                assertThat(update.text().value()).isEqualTo("hello");
            }
        }

        @Test
        void the_author_edits_by_message_id() {
            Member alice = joined("alice", GENERAL);
            ReplyPayload.Posted posted = posted(alice.send(post(GENERAL, "first")));

            Reply reply = alice.send(edit(GENERAL, new MessageRef.ById(posted.messageId()), "second"));

            assertThat(reply.status()).isEqualTo(Status.OK);
            assertThat(alice.received().get(1).text().value()).isEqualTo("second");
        }

        @Test
        void the_author_may_edit_from_another_connection_because_the_stored_author_decides() {
            Member alice = joined("alice", GENERAL);
            Member aliceOnPhone = joined("alice", GENERAL);
            ReplyPayload.Posted posted = posted(alice.send(post(GENERAL, "from my laptop")));

            assertThat(aliceOnPhone.send(edit(GENERAL, at(posted), "from my phone")).status())
                    .isEqualTo(Status.OK);
        }

        @Test
        void somebody_else_can_neither_edit_nor_delete_and_nothing_changes() {
            Member alice = joined("alice", GENERAL);
            Member bob = joined("bob", GENERAL);
            ReplyPayload.Posted posted = posted(alice.send(post(GENERAL, "mine")));

            Reply edit = bob.send(edit(GENERAL, at(posted), "hijacked"));
            Reply delete = bob.send(delete(GENERAL, new MessageRef.ById(posted.messageId())));

            assertThat(edit.status()).isEqualTo(Status.FORBIDDEN);
            assertThat(delete.status()).isEqualTo(Status.FORBIDDEN);
            assertThat(alice.received()).hasSize(1);
            assertThat(page(bob.send(ReadHistoryQuery.latest(GENERAL))).messages())
                    .containsExactlyElementsOf(alice.received());
        }

        @Test
        void a_message_that_does_not_exist_is_not_found() {
            Member alice = joined("alice", GENERAL);
            ReplyPayload.Posted posted = posted(alice.send(post(GENERAL, "here")));

            Reply wrongTime = alice.send(edit(GENERAL, new MessageRef.ByPostedAt(posted.postedAt().plusMillis(1)), "x"));
            Reply wrongId = alice.send(delete(GENERAL, new MessageRef.ById(new MessageId("no-such-id"))));

            assertThat(wrongTime.status()).isEqualTo(Status.NOT_FOUND);
            assertThat(wrongId.status()).isEqualTo(Status.NOT_FOUND);
            assertThat(alice.received()).hasSize(1);
        }

        @Test
        void deleting_erases_the_text_for_every_member_and_in_history() {
            Member alice = joined("alice", GENERAL);
            Member bob = joined("bob", GENERAL);
            ReplyPayload.Posted posted = posted(alice.send(post(GENERAL, "oops, my password")));

            assertThat(alice.send(delete(GENERAL, at(posted))).status()).isEqualTo(Status.OK);

            ChatMessage deleted = bob.received().get(1);
            assertThat(deleted.deleted()).isTrue();
            assertThat(deleted.text()).isNull();
            assertThat(deleted.id()).isEqualTo(posted.messageId());
            assertThat(deleted.modifiedAt()).isAfter(posted.postedAt());
            assertThat(page(bob.send(ReadHistoryQuery.latest(GENERAL))).messages()).containsExactly(deleted);
        }

        @Test
        void a_deleted_message_can_be_neither_edited_nor_deleted_again() {
            Member alice = joined("alice", GENERAL);
            ReplyPayload.Posted posted = posted(alice.send(post(GENERAL, "gone soon")));
            alice.send(delete(GENERAL, at(posted)));

            assertThat(alice.send(edit(GENERAL, at(posted), "back")).status()).isEqualTo(Status.NOT_FOUND);
            assertThat(alice.send(delete(GENERAL, at(posted))).status()).isEqualTo(Status.NOT_FOUND);
            assertThat(alice.received()).hasSize(2);
        }

        @Test
        void an_over_long_edit_is_refused_with_413_and_the_text_is_kept() {
            Member alice = joined("alice", GENERAL);
            ReplyPayload.Posted posted = posted(alice.send(post(GENERAL, "short")));

            Reply reply = alice.send(edit(GENERAL, at(posted), "x".repeat(chat.core().limits().maxMessageChars() + 1)));

            assertThat(reply.status()).isEqualTo(Status.PAYLOAD_TOO_LARGE);
            assertThat(page(alice.send(ReadHistoryQuery.latest(GENERAL))).messages().get(0).text().value())
                    .isEqualTo("short");
        }

        @Test
        void editing_needs_the_room_joined() {
            Member alice = joined("alice", GENERAL);
            ReplyPayload.Posted posted = posted(alice.send(post(GENERAL, "before I left")));
            alice.send(join(RANDOM, "alice"));

            assertThat(alice.send(edit(GENERAL, at(posted), "after")).status()).isEqualTo(Status.FORBIDDEN);
        }
    }

    @Nested
    class ReadingHistory {
        private List<ReplyPayload.Posted> postSeries(Member author, int count) {
            List<ReplyPayload.Posted> series = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                series.add(posted(author.send(post(GENERAL, "message " + i))));
            }
            return series;
        }

        private void assertPage(ReplyPayload.HistoryPage page, List<MessageId> expected, boolean hasMore) {
            assertThat(page.messages()).extracting(ChatMessage::id).containsExactlyElementsOf(expected);
            assertThat(page.hasMore()).as("hasMore").isEqualTo(hasMore);
        }

        private List<MessageId> ids(List<ReplyPayload.Posted> series, int from, int to) {
            return series.subList(from, to).stream().map(ReplyPayload.Posted::messageId).toList();
        }

        @Test
        void the_latest_page_is_the_newest_messages_oldest_first_and_before_pages_further_back() {
            Member alice = joined("alice", GENERAL);
            List<ReplyPayload.Posted> series = postSeries(alice, 7);

            ReplyPayload.HistoryPage latest = page(alice.send(history(GENERAL, HistoryCursor.latest(), 3)));
            ReplyPayload.HistoryPage older = page(alice.send(history(GENERAL,
                    new HistoryCursor.Before(latest.messages().get(0).postedAt()), 3)));
            ReplyPayload.HistoryPage oldest = page(alice.send(history(GENERAL,
                    new HistoryCursor.Before(older.messages().get(0).postedAt()), 3)));

            assertThat(latest.room()).isEqualTo(GENERAL);
            assertPage(latest, ids(series, 4, 7), true);
            assertPage(older, ids(series, 1, 4), true);
            assertPage(oldest, ids(series, 0, 1), false);
        }

        @Test
        void after_pages_forward_from_a_point_exclusive() {
            Member alice = joined("alice", GENERAL);
            List<ReplyPayload.Posted> series = postSeries(alice, 7);

            ReplyPayload.HistoryPage next = page(alice.send(history(GENERAL,
                    new HistoryCursor.After(series.get(1).postedAt()), 3)));
            ReplyPayload.HistoryPage last = page(alice.send(history(GENERAL,
                    new HistoryCursor.After(series.get(4).postedAt()), 3)));

            assertPage(next, ids(series, 2, 5), true);
            assertPage(last, ids(series, 5, 7), false);
        }

        @Test
        void a_reconnecting_client_fetches_exactly_what_it_missed() {
            Member alice = joined("alice", GENERAL);
            Member bob = joined("bob", GENERAL);
            postSeries(alice, 2);
            ChatMessage lastSeen = bob.received().get(bob.received().size() - 1);
            bob.connection().close();
            List<ReplyPayload.Posted> missed = postSeries(alice, 3);

            Member bobAgain = joined("bob", GENERAL);
            ReplyPayload.HistoryPage page = page(bobAgain.send(new ReadHistoryQuery(GENERAL,
                    new HistoryCursor.After(lastSeen.postedAt()), OptionalInt.empty())));

            assertPage(page, ids(missed, 0, 3), false);
        }

        @Test
        void without_a_limit_the_default_page_size_applies() {
            Member alice = joined("alice", GENERAL);
            int pageSize = chat.core().limits().historyPageDefault();
            postSeries(alice, pageSize + 2);

            ReplyPayload.HistoryPage latest = page(alice.send(ReadHistoryQuery.latest(GENERAL)));

            assertThat(latest.messages()).hasSize(pageSize);
            assertThat(latest.hasMore()).isTrue();
        }

        @Test
        void a_limit_out_of_range_is_a_bad_request() {
            Member alice = joined("alice", GENERAL);
            int max = chat.core().limits().historyPageMax();

            assertThat(alice.send(history(GENERAL, HistoryCursor.latest(), 0)).status())
                    .isEqualTo(Status.BAD_REQUEST);
            assertThat(alice.send(history(GENERAL, HistoryCursor.latest(), max + 1)).status())
                    .isEqualTo(Status.BAD_REQUEST);
            assertThat(alice.send(history(GENERAL, HistoryCursor.latest(), max)).status()).isEqualTo(Status.OK);
        }

        @Test
        void reading_a_room_not_joined_is_forbidden() {
            Member alice = joined("alice", GENERAL);
            postSeries(alice, 1);
            Member carol = joined("carol", RANDOM);

            assertThat(carol.send(ReadHistoryQuery.latest(GENERAL)).status()).isEqualTo(Status.FORBIDDEN);
        }
    }

    @Nested
    class FanOut {
        @Test
        void a_member_without_a_live_sink_is_dropped_during_fan_out_and_the_others_still_receive() {
            Member alice = joined("alice", GENERAL);
            ConnectionId ghost = new ConnectionId("stale-record");
            chat.core().connect(ghost, "ghost", Protocol.V1);
            chat.core().handle(ghost, join(GENERAL, "ghost"));

            alice.send(post(GENERAL, "who is here?"));

            assertThat(alice.received()).hasSize(1);
            assertThat(connections.find(ghost)).isEmpty();
            assertThat(connections.inRoom(GENERAL)).extracting(c -> c.connectionId())
                    .containsExactly(alice.connection().id());
        }

        @Test
        void a_sink_that_throws_misses_that_event_and_stays_connected() {
            Member alice = joined("alice", GENERAL);
            List<ChatMessage> bobReceived = new CopyOnWriteArrayList<>();
            AtomicInteger calls = new AtomicInteger();
            Consumer<ChatMessage> flaky = event -> {
                if (calls.getAndIncrement() == 0) {
                    throw new IllegalStateException("bob's screen is busy");
                }
                bobReceived.add(event);
            };
            EmbeddedConnection bob = chat.connect("bob", flaky).orElseThrow();
            bob.send(join(GENERAL, "bob"));

            alice.send(post(GENERAL, "one"));
            alice.send(post(GENERAL, "two"));

            assertThat(alice.received()).hasSize(2);
            assertThat(bobReceived).extracting(event -> event.text().value()).containsExactly("two");
            assertThat(bob.isOpen()).isTrue();
        }

        @Test
        void a_closed_connection_receives_nothing_more_and_is_forgotten() {
            Member alice = joined("alice", GENERAL);
            Member bob = joined("bob", GENERAL);

            bob.connection().close();
            bob.connection().close();
            alice.send(post(GENERAL, "bye bob"));

            assertThat(bob.received()).isEmpty();
            assertThat(bob.connection().isOpen()).isFalse();
            assertThat(connections.find(bob.connection().id())).isEmpty();
            assertThat(bob.send(post(GENERAL, "I am back")).status()).isEqualTo(Status.FORBIDDEN);
        }

        @Test
        void closing_the_chat_closes_every_connection() {
            Member alice = joined("alice", GENERAL);
            Member bob = joined("bob", RANDOM);

            chat.close();

            assertThat(alice.connection().isOpen()).isFalse();
            assertThat(bob.connection().isOpen()).isFalse();
            assertThat(connections.inRoom(GENERAL)).isEmpty();
            assertThat(connections.inRoom(RANDOM)).isEmpty();
        }

        @Test
        void a_sink_may_not_send_because_that_would_break_the_room_order() {
            Member alice = joined("alice", GENERAL);
            List<Exception> refusals = new CopyOnWriteArrayList<>();
            EmbeddedConnection[] bob = new EmbeddedConnection[1];
            bob[0] = chat.connect("bob", event -> {
                try {
                    bob[0].send(post(GENERAL, "echo: " + event.text()));
                } catch (IllegalStateException refused) {
                    refusals.add(refused);
                }
            }).orElseThrow();
            bob[0].send(join(GENERAL, "bob"));

            alice.send(post(GENERAL, "ping"));

            assertThat(refusals).hasSize(1);
            assertThat(alice.received()).hasSize(1);
        }

        @Test
        void every_member_sees_a_room_in_the_same_order_under_concurrent_posters() throws Exception {
            int posters = 4;
            int postsEach = 25;
            List<Member> listeners = List.of(joined("listener-1", GENERAL), joined("listener-2", GENERAL));
            List<Member> writers = new ArrayList<>();
            for (int i = 0; i < posters; i++) {
                writers.add(joined("poster-" + i, GENERAL));
            }
            ExecutorService pool = Executors.newFixedThreadPool(posters);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Member writer : writers) {
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int n = 0; n < postsEach; n++) {
                            posted(writer.send(post(GENERAL, writer.connection().userId() + " #" + n)));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }

            List<Member> everyone = new ArrayList<>(listeners);
            everyone.addAll(writers);
            List<ChatMessage> reference = listeners.get(0).received();
            assertThat(reference).hasSize(posters * postsEach);
            assertThat(reference).extracting(ChatMessage::postedAt).isSorted().doesNotHaveDuplicates();
            for (Member member : everyone) {
                assertThat(member.received()).as("events seen by %s", member.connection().userId())
                        .containsExactlyElementsOf(reference);
            }
        }
    }

    /** A clock that moves 10 ms forward on every reading, so every message gets its own time. */
    private static final class SteppingClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-27T18:00:00Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndAdd(10));
        }
    }
}
