package io.roomchat.testkit;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.message;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.port.out.HistorySlice;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageStore} must do. An adapter runs it by a subclass that says how to build its store;
 * tests use random rooms, so the store may be shared between tests. Durability across a restart is checked
 * where the subclass can {@linkplain #reopen() reopen} the same data; elsewhere that test shows as skipped. A store
 * either refuses a new message at a taken {@code (room, postedAt)} or, {@linkplain #stampsPostedAtInSeqOrder() when
 * it stamps postedAt itself}, moves it past the room's newest; the cases of the other kind show as skipped.
 */
public abstract class MessageStoreContract {

    protected MessageStore store;

    /** A store to test: new, or shared between tests (rooms are random). */
    protected abstract MessageStore createStore();

    /** Whether {@link #reopen()} is supported. */
    protected boolean canReopen() {
        return false;
    }

    /**
     * Whether the store stamps a new message's postedAt with its seq: its proposed time, or one millisecond after
     * the room's newest message if that is later, so that a room's postedAt order is its seq order however many
     * nodes post. Such a store never refuses a new message for its time.
     */
    protected boolean stampsPostedAtInSeqOrder() {
        return false;
    }

    /** A new store instance over the same durable data as {@link #store}, as after a process restart. */
    protected MessageStore reopen() {
        throw new UnsupportedOperationException();
    }

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    private static MessageChange replaceWith(String text) {
        return new MessageChange.Replace(new MessageText(text));
    }

    private static MessageRef at(ChatMessage message) {
        return new MessageRef.ByPostedAt(message.postedAt());
    }

    private List<ChatMessage> insertSeries(RoomName room, UserId author, int count) {
        List<ChatMessage> series = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            series.add(stored(message(room, author, T0.plusMillis(10L * i), "message " + i)));
        }
        return series;
    }

    /** Inserts {@code message}, which must be stored, and returns it as stored (with its seq). */
    private ChatMessage stored(ChatMessage message) {
        return storedOf(store.insert(message));
    }

    private static ChatMessage storedOf(InsertOutcome outcome) {
        assertThat(outcome).isInstanceOf(InsertOutcome.Stored.class);
        return ((InsertOutcome.Stored) outcome).message();
    }

    /** The message as stored after an edit that must succeed. */
    private static ChatMessage edited(EditOutcome outcome) {
        assertThat(outcome).isInstanceOf(EditOutcome.Edited.class);
        return ((EditOutcome.Edited) outcome).message();
    }

    /** What {@code original} became by {@code change}, ignoring only the seq, which the store picks. */
    private static void assertChangedLike(ChatMessage actual, ChatMessage expected) {
        assertThat(actual.withSeq(0)).isEqualTo(expected.withSeq(0));
    }

    private ChatMessage onlyMessage(RoomName room) {
        return store.page(room, HistoryCursor.latest(), 10).messages().get(0);
    }

    // --- inserting -------------------------------------------------------------------------------------------

    @Test
    void an_inserted_message_comes_back_whole() {
        RoomName room = room();
        ChatMessage m = message(room, user(), T0, "héllo, wörld ✓ 🎉 \"quoted\" \\ \n second line");

        ChatMessage stored = stored(m);

        assertThat(stored).isEqualTo(m.withSeq(stored.seq()));
        assertThat(stored.seq()).isPositive();
        assertThat(store.page(room, HistoryCursor.latest(), 10).messages()).containsExactly(stored);
    }

    @Test
    void a_message_at_a_taken_room_and_time_is_refused_and_the_first_is_kept() {
        assumeFalse(stampsPostedAtInSeqOrder(), "this store moves a taken time on");
        RoomName room = room();
        ChatMessage first = message(room, user(), T0, "first");
        ChatMessage second = message(room, user(), T0, "second");

        ChatMessage kept = stored(first);
        assertThat(store.insert(second)).isEqualTo(new InsertOutcome.Taken());

        assertThat(store.page(room, HistoryCursor.latest(), 10).messages()).containsExactly(kept);
    }

    @Test
    void a_message_with_a_taken_id_is_refused_even_in_another_room() {
        ChatMessage first = message(room(), user(), T0);
        RoomName otherRoom = room();
        ChatMessage sameId = new ChatMessage(first.id(), otherRoom, user(), first.authorName(), first.text(),
                T0.plusSeconds(1), T0.plusSeconds(1), false, 0);

        stored(first);
        assertThat(store.insert(sameId)).isEqualTo(new InsertOutcome.Taken());

        assertThat(store.page(otherRoom, HistoryCursor.latest(), 10).messages()).isEmpty();
    }

    @Test
    void the_same_time_in_two_rooms_is_two_messages() {
        RoomName a = room();
        RoomName b = room();

        stored(message(a, user(), T0));
        stored(message(b, user(), T0));
    }

    @Test
    void of_many_concurrent_writers_at_one_room_and_time_exactly_one_wins() throws Exception {
        assumeFalse(stampsPostedAtInSeqOrder(), "this store moves a taken time on");
        RoomName room = room();
        int writers = 16;
        List<ChatMessage> candidates = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            candidates.add(message(room, user(), T0, "writer " + i));
        }

        List<InsertOutcome> results = Concurrently.run(candidates.stream()
                .<Callable<InsertOutcome>>map(candidate -> () -> store.insert(candidate)).toList());

        List<InsertOutcome> stored = results.stream().filter(InsertOutcome.Stored.class::isInstance).toList();
        assertThat(stored).hasSize(1);
        assertThat(results).filteredOn(InsertOutcome.Taken.class::isInstance).hasSize(writers - 1);
        assertThat(store.page(room, HistoryCursor.latest(), 100).messages()).containsExactly(storedOf(stored.get(0)));
    }

    @Test
    void a_store_that_stamps_postedAt_stores_a_message_at_a_taken_time_just_after_the_rooms_newest() {
        assumeTrue(stampsPostedAtInSeqOrder(), "this store refuses a taken time");
        RoomName room = room();
        ChatMessage newest = stored(message(room, user(), T0.plusMillis(5), "newest"));

        ChatMessage same = stored(message(room, user(), T0.plusMillis(5), "same time"));
        ChatMessage earlier = stored(message(room, user(), T0, "proposed earlier"));
        ChatMessage later = stored(message(room, user(), T0.plusSeconds(1), "later"));

        assertThat(same.postedAt()).isEqualTo(newest.postedAt().plusMillis(1));
        assertThat(same.modifiedAt()).isEqualTo(same.postedAt());
        assertThat(earlier.postedAt()).isEqualTo(newest.postedAt().plusMillis(2));
        assertThat(later.postedAt()).as("a time after the newest is kept").isEqualTo(T0.plusSeconds(1));
        assertThat(store.page(room, HistoryCursor.latest(), 10).messages())
                .containsExactly(newest, same, earlier, later);
    }

    @Test
    void a_store_that_stamps_postedAt_keeps_it_in_seq_order_under_concurrent_writers_at_one_time() throws Exception {
        assumeTrue(stampsPostedAtInSeqOrder(), "this store refuses a taken time");
        RoomName room = room();
        int writers = 16;
        List<Callable<InsertOutcome>> inserts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            ChatMessage candidate = message(room, user(), T0, "writer " + i);
            inserts.add(() -> store.insert(candidate));
        }

        List<ChatMessage> stored = Concurrently.run(inserts).stream().map(MessageStoreContract::storedOf).toList();

        List<ChatMessage> bySeq = store.page(room, new HistoryCursor.Since(0), 100).messages();
        assertThat(bySeq).containsExactlyInAnyOrderElementsOf(stored);
        for (int i = 0; i < writers; i++) {
            assertThat(bySeq.get(i).postedAt()).as("message %d by seq", i).isEqualTo(T0.plusMillis(i));
        }
    }

    // --- inserting under a client key ------------------------------------------------------------------------

    @Test
    void a_keyed_message_is_stored_and_comes_back_whole() {
        RoomName room = room();
        ChatMessage m = message(room, user(), T0);

        ChatMessage stored = storedOf(store.insert(m, new ClientMessageId("key-1")));

        assertThat(stored).isEqualTo(m.withSeq(stored.seq()));
        assertThat(store.page(room, HistoryCursor.latest(), 10).messages()).containsExactly(stored);
    }

    @Test
    void the_same_key_from_the_same_author_in_the_same_room_is_a_duplicate_of_the_original() {
        RoomName room = room();
        UserId author = user();
        ClientMessageId key = new ClientMessageId("key-1");
        ChatMessage original = message(room, author, T0, "first try");
        ChatMessage resent = message(room, author, T0.plusMillis(5), "first try");

        ChatMessage stored = storedOf(store.insert(original, key));
        assertThat(store.insert(resent, key)).isEqualTo(new InsertOutcome.DuplicateOf(stored));

        assertThat(store.page(room, HistoryCursor.latest(), 10).messages()).containsExactly(stored);
    }

    @Test
    void a_duplicate_answers_the_original_even_at_its_own_room_and_time() {
        RoomName room = room();
        UserId author = user();
        ClientMessageId key = new ClientMessageId("key-1");
        ChatMessage original = message(room, author, T0);

        ChatMessage stored = storedOf(store.insert(original, key));
        assertThat(store.insert(message(room, author, T0), key)).isEqualTo(new InsertOutcome.DuplicateOf(stored));
    }

    @Test
    void the_same_key_from_another_author_or_in_another_room_is_another_message() {
        RoomName room = room();
        RoomName otherRoom = room();
        UserId author = user();
        ClientMessageId key = new ClientMessageId("key-1");
        ChatMessage first = message(room, author, T0);
        ChatMessage byOther = message(room, user(), T0.plusMillis(1));
        ChatMessage elsewhere = message(otherRoom, author, T0);

        ChatMessage storedFirst = storedOf(store.insert(first, key));
        ChatMessage storedByOther = storedOf(store.insert(byOther, key));
        ChatMessage storedElsewhere = storedOf(store.insert(elsewhere, key));

        assertThat(store.page(room, HistoryCursor.latest(), 10).messages())
                .containsExactly(storedFirst, storedByOther);
        assertThat(store.page(otherRoom, HistoryCursor.latest(), 10).messages()).containsExactly(storedElsewhere);
    }

    @Test
    void a_keyed_message_at_a_taken_time_is_refused_and_leaves_its_key_free() {
        assumeFalse(stampsPostedAtInSeqOrder(), "this store moves a taken time on");
        RoomName room = room();
        UserId author = user();
        ClientMessageId key = new ClientMessageId("key-1");
        ChatMessage there = message(room, user(), T0);
        ChatMessage retry = message(room, author, T0.plusMillis(1));

        ChatMessage storedThere = stored(there);
        assertThat(store.insert(message(room, author, T0), key)).isEqualTo(new InsertOutcome.Taken());
        ChatMessage storedRetry = storedOf(store.insert(retry, key));

        assertThat(store.page(room, HistoryCursor.latest(), 10).messages()).containsExactly(storedThere, storedRetry);
    }

    @Test
    void a_duplicate_of_a_deleted_message_still_names_it() {
        RoomName room = room();
        UserId author = user();
        ClientMessageId key = new ClientMessageId("key-1");
        ChatMessage original = message(room, author, T0);
        store.insert(original, key);
        store.edit(room, at(original), author, new MessageChange.Erase(), T0.plusSeconds(1));

        InsertOutcome resent = store.insert(message(room, author, T0.plusMillis(3)), key);

        assertThat(resent).isInstanceOfSatisfying(InsertOutcome.DuplicateOf.class, duplicate -> {
            assertThat(duplicate.original().id()).isEqualTo(original.id());
            assertThat(duplicate.original().postedAt()).isEqualTo(original.postedAt());
        });
        assertThat(store.page(room, HistoryCursor.latest(), 10).messages()).hasSize(1);
    }

    @Test
    void of_many_concurrent_resends_under_one_key_exactly_one_is_stored_and_the_rest_name_it() throws Exception {
        RoomName room = room();
        UserId author = user();
        ClientMessageId key = new ClientMessageId("racing-key");
        int writers = 16;
        List<ChatMessage> candidates = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            // Serverless retries pick their own times, some the same, some not.
            candidates.add(message(room, author, T0.plusMillis(i / 2), "resent"));
        }

        List<InsertOutcome> results = Concurrently.run(candidates.stream()
                .<Callable<InsertOutcome>>map(candidate -> () -> insertUntilNotTaken(candidate, key)).toList());

        List<ChatMessage> stored = store.page(room, HistoryCursor.latest(), 100).messages();
        assertThat(stored).hasSize(1);
        assertThat(results).filteredOn(InsertOutcome.Stored.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(InsertOutcome.DuplicateOf.class::isInstance)
                .hasSize(writers - 1)
                .allSatisfy(outcome -> assertThat(((InsertOutcome.DuplicateOf) outcome).original().id())
                        .isEqualTo(stored.get(0).id()));
    }

    /** As the core does: a refused time is tried again one millisecond later, with a fresh id. */
    private InsertOutcome insertUntilNotTaken(ChatMessage candidate, ClientMessageId key) {
        ChatMessage next = candidate;
        for (int attempt = 0; attempt < 64; attempt++) {
            InsertOutcome outcome = store.insert(next, key);
            if (!(outcome instanceof InsertOutcome.Taken)) {
                return outcome;
            }
            next = message(next.room(), next.author(), next.postedAt().plusMillis(1), next.text().value());
        }
        throw new AssertionError("no free time in 64 ms");
    }

    // --- history ---------------------------------------------------------------------------------------------

    @Test
    void an_empty_room_has_an_empty_history() {
        HistorySlice slice = store.page(room(), HistoryCursor.latest(), 50);

        assertThat(slice.messages()).isEmpty();
        assertThat(slice.hasMore()).isFalse();
    }

    @Test
    void the_latest_page_is_the_newest_messages_oldest_first() {
        RoomName room = room();
        List<ChatMessage> series = insertSeries(room, user(), 7);

        HistorySlice slice = store.page(room, HistoryCursor.latest(), 3);

        assertThat(slice.messages()).containsExactlyElementsOf(series.subList(4, 7));
        assertThat(slice.hasMore()).isTrue();
    }

    @Test
    void a_page_holding_the_whole_room_has_no_more() {
        RoomName room = room();
        List<ChatMessage> series = insertSeries(room, user(), 3);

        HistorySlice slice = store.page(room, HistoryCursor.latest(), 3);

        assertThat(slice.messages()).containsExactlyElementsOf(series);
        assertThat(slice.hasMore()).isFalse();
    }

    @Test
    void before_is_exclusive_and_gives_the_newest_older_page() {
        RoomName room = room();
        List<ChatMessage> series = insertSeries(room, user(), 7);

        HistorySlice slice = store.page(room, new HistoryCursor.Before(series.get(5).postedAt()), 3);

        assertThat(slice.messages()).containsExactlyElementsOf(series.subList(2, 5));
        assertThat(slice.hasMore()).isTrue();
    }

    @Test
    void after_is_exclusive_and_gives_the_oldest_newer_page() {
        RoomName room = room();
        List<ChatMessage> series = insertSeries(room, user(), 7);

        HistorySlice slice = store.page(room, new HistoryCursor.After(series.get(1).postedAt()), 3);

        assertThat(slice.messages()).containsExactlyElementsOf(series.subList(2, 5));
        assertThat(slice.hasMore()).isTrue();

        HistorySlice last = store.page(room, new HistoryCursor.After(series.get(4).postedAt()), 3);
        assertThat(last.messages()).containsExactlyElementsOf(series.subList(5, 7));
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void paging_backwards_visits_every_message_exactly_once() {
        RoomName room = room();
        List<ChatMessage> series = insertSeries(room, user(), 23);
        insertSeries(room(), user(), 5);

        List<ChatMessage> seen = new ArrayList<>();
        HistorySlice slice = store.page(room, HistoryCursor.latest(), 5);
        seen.addAll(0, slice.messages());
        while (slice.hasMore()) {
            slice = store.page(room, new HistoryCursor.Before(seen.get(0).postedAt()), 5);
            seen.addAll(0, slice.messages());
        }

        assertThat(seen).containsExactlyElementsOf(series);
    }

    @Test
    void paging_forwards_visits_every_message_exactly_once() {
        RoomName room = room();
        List<ChatMessage> series = insertSeries(room, user(), 23);

        List<ChatMessage> seen = new ArrayList<>();
        HistorySlice slice = store.page(room, new HistoryCursor.After(T0.minusSeconds(1)), 5);
        seen.addAll(slice.messages());
        while (slice.hasMore()) {
            slice = store.page(room, new HistoryCursor.After(seen.get(seen.size() - 1).postedAt()), 5);
            seen.addAll(slice.messages());
        }

        assertThat(seen).containsExactlyElementsOf(series);
    }

    @Test
    void history_is_ordered_by_posting_time_not_by_insertion_order() {
        // A store that stamps postedAt in seq order moves an earlier time after the newest (tested above).
        assumeFalse(stampsPostedAtInSeqOrder(), "this store moves an earlier time on");
        RoomName room = room();
        UserId author = user();
        ChatMessage later = message(room, author, T0.plusSeconds(5));
        ChatMessage earlier = message(room, author, T0);
        ChatMessage storedLater = stored(later);
        ChatMessage storedEarlier = stored(earlier);

        assertThat(store.page(room, HistoryCursor.latest(), 10).messages())
                .containsExactly(storedEarlier, storedLater);
    }

    // --- editing and deleting --------------------------------------------------------------------------------

    @Test
    void the_author_edits_by_posted_at_and_the_edit_is_stored_with_a_later_modified_at() {
        RoomName room = room();
        UserId author = user();
        ChatMessage original = stored(message(room, author, T0));

        EditOutcome outcome = store.edit(room, at(original), author, replaceWith("edited"), T0.plusSeconds(3));

        ChatMessage edited = edited(outcome);
        assertChangedLike(edited, original.apply(replaceWith("edited"), T0.plusSeconds(3)));
        assertThat(edited.seq()).isGreaterThan(original.seq());
        assertThat(onlyMessage(room)).isEqualTo(edited);
        assertThat(edited.modifiedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void the_author_edits_by_message_id() {
        RoomName room = room();
        UserId author = user();
        ChatMessage original = stored(message(room, author, T0));

        EditOutcome outcome = store.edit(room, new MessageRef.ById(original.id()), author, replaceWith("by id"),
                T0.plusSeconds(1));

        assertThat(outcome).isInstanceOf(EditOutcome.Edited.class);
        assertThat(onlyMessage(room).text().value()).isEqualTo("by id");
    }

    @Test
    void an_edit_in_the_same_millisecond_still_moves_modified_at_forward() {
        RoomName room = room();
        UserId author = user();
        ChatMessage original = stored(message(room, author, T0));

        store.edit(room, at(original), author, replaceWith("one"), T0);
        store.edit(room, at(original), author, replaceWith("two"), T0);

        ChatMessage stored = onlyMessage(room);
        assertThat(stored.text().value()).isEqualTo("two");
        assertThat(stored.modifiedAt()).isEqualTo(T0.plusMillis(2));
    }

    @Test
    void somebody_else_cannot_edit_and_nothing_changes() {
        RoomName room = room();
        ChatMessage original = stored(message(room, user(), T0));

        EditOutcome outcome = store.edit(room, at(original), user(), replaceWith("hijacked"), T0.plusSeconds(1));

        assertThat(outcome).isInstanceOf(EditOutcome.NotAuthor.class);
        assertThat(onlyMessage(room)).isEqualTo(original);
    }

    @Test
    void somebody_else_cannot_delete_and_nothing_changes() {
        RoomName room = room();
        ChatMessage original = stored(message(room, user(), T0));

        EditOutcome outcome = store.edit(room, at(original), user(), new MessageChange.Erase(), T0.plusSeconds(1));

        assertThat(outcome).isInstanceOf(EditOutcome.NotAuthor.class);
        assertThat(onlyMessage(room)).isEqualTo(original);
    }

    @Test
    void editing_a_message_that_does_not_exist_is_not_found() {
        RoomName room = room();
        UserId author = user();
        ChatMessage stored = stored(message(room, author, T0));

        assertThat(store.edit(room, new MessageRef.ByPostedAt(T0.plusMillis(1)), author, replaceWith("x"), T0))
                .isInstanceOf(EditOutcome.NotFound.class);
        assertThat(store.edit(room, new MessageRef.ById(Samples.messageId()), author, replaceWith("x"), T0))
                .isInstanceOf(EditOutcome.NotFound.class);
        assertThat(store.edit(room(), at(stored), author, replaceWith("x"), T0))
                .as("the same time in another room").isInstanceOf(EditOutcome.NotFound.class);
        assertThat(onlyMessage(room)).isEqualTo(stored);
    }

    @Test
    void a_message_id_from_another_room_is_not_found() {
        RoomName room = room();
        UserId author = user();
        ChatMessage stored = stored(message(room, author, T0));

        assertThat(store.edit(room(), new MessageRef.ById(stored.id()), author, replaceWith("x"), T0))
                .isInstanceOf(EditOutcome.NotFound.class);
    }

    @Test
    void deleting_erases_the_text_and_keeps_the_message_as_deleted() {
        RoomName room = room();
        UserId author = user();
        ChatMessage original = stored(message(room, author, T0, "secret"));

        EditOutcome outcome = store.edit(room, at(original), author, new MessageChange.Erase(), T0.plusSeconds(2));

        ChatMessage deleted = onlyMessage(room);
        assertThat(outcome).isEqualTo(new EditOutcome.Edited(deleted));
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.text()).isNull();
        assertThat(deleted.id()).isEqualTo(original.id());
        assertThat(deleted.postedAt()).isEqualTo(original.postedAt());
        assertThat(deleted.modifiedAt()).isEqualTo(T0.plusSeconds(2));
    }

    // --- who deleted it ---------------------------------------------------------------------------------------

    @Test
    void an_authors_delete_records_the_author_as_the_deleter() {
        RoomName room = room();
        UserId author = user();
        ChatMessage original = stored(message(room, author, T0));

        ChatMessage deleted = edited(store.edit(room, at(original), author, new MessageChange.Erase(),
                T0.plusSeconds(1)));

        assertThat(deleted.deletedBy()).isEqualTo(author);
        assertThat(onlyMessage(room)).isEqualTo(deleted);
        assertThat(original.deletedBy()).as("not deleted: no deleter").isNull();
    }

    @Test
    void a_moderator_deletes_another_authors_message_by_either_reference_under_the_rooms_next_seq() {
        RoomName room = room();
        UserId author = user();
        UserId moderator = user();
        ChatMessage byTime = stored(message(room, author, T0));
        ChatMessage byId = stored(message(room, author, T0.plusMillis(1)));

        ChatMessage first = edited(store.edit(room, at(byTime), moderator,
                new MessageChange.ModeratorErase(moderator), T0.plusSeconds(1)));
        ChatMessage second = edited(store.edit(room, new MessageRef.ById(byId.id()), moderator,
                new MessageChange.ModeratorErase(moderator), T0.plusSeconds(2)));

        assertThat(first.deletedBy()).isEqualTo(moderator);
        assertThat(first.author()).isEqualTo(author);
        assertThat(first.deleted()).isTrue();
        assertThat(first.text()).isNull();
        assertThat(first.modifiedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(List.of(first.seq(), second.seq())).containsExactly(3L, 4L);
        assertThat(second.deletedBy()).isEqualTo(moderator);
        assertThat(store.latestSeq(room)).isEqualTo(4);
        assertThat(store.page(room, HistoryCursor.latest(), 10).messages()).containsExactly(first, second);
        assertThat(store.page(room, new HistoryCursor.Since(2), 10).messages()).containsExactly(first, second);
    }

    @Test
    void a_moderator_cannot_delete_a_deleted_or_missing_message() {
        RoomName room = room();
        UserId author = user();
        UserId moderator = user();
        ChatMessage original = stored(message(room, author, T0));
        ChatMessage deleted = edited(store.edit(room, at(original), author, new MessageChange.Erase(),
                T0.plusSeconds(1)));

        assertThat(store.edit(room, at(original), moderator, new MessageChange.ModeratorErase(moderator),
                T0.plusSeconds(2))).isInstanceOf(EditOutcome.NotFound.class);
        assertThat(store.edit(room, new MessageRef.ByPostedAt(T0.plusMillis(5)), moderator,
                new MessageChange.ModeratorErase(moderator), T0.plusSeconds(2))).isInstanceOf(EditOutcome.NotFound.class);
        assertThat(onlyMessage(room)).isEqualTo(deleted);
    }

    @Test
    void a_non_author_is_still_refused_a_plain_delete_or_an_edit_and_the_message_keeps_its_seq() {
        RoomName room = room();
        ChatMessage original = stored(message(room, user(), T0));
        UserId other = user();

        assertThat(store.edit(room, at(original), other, new MessageChange.Erase(), T0.plusSeconds(1)))
                .isInstanceOf(EditOutcome.NotAuthor.class);
        assertThat(store.edit(room, at(original), other, replaceWith("hijacked"), T0.plusSeconds(1)))
                .isInstanceOf(EditOutcome.NotAuthor.class);
        assertThat(onlyMessage(room)).isEqualTo(original);
        assertThat(onlyMessage(room).deletedBy()).isNull();
    }

    @Test
    void a_deleted_message_can_be_neither_edited_nor_deleted_again() {
        RoomName room = room();
        UserId author = user();
        ChatMessage original = stored(message(room, author, T0));
        store.edit(room, at(original), author, new MessageChange.Erase(), T0.plusSeconds(1));
        ChatMessage deleted = onlyMessage(room);

        assertThat(store.edit(room, at(original), author, replaceWith("back"), T0.plusSeconds(2)))
                .isInstanceOf(EditOutcome.NotFound.class);
        assertThat(store.edit(room, at(original), author, new MessageChange.Erase(), T0.plusSeconds(2)))
                .isInstanceOf(EditOutcome.NotFound.class);
        assertThat(onlyMessage(room)).isEqualTo(deleted);
    }

    @Test
    void a_concurrent_edit_and_delete_end_deleted_and_the_delete_always_succeeds() throws Exception {
        for (int round = 0; round < 10; round++) {
            RoomName room = room();
            UserId author = user();
            ChatMessage original = stored(message(room, author, T0));

            List<EditOutcome> outcomes = Concurrently.run(List.of(
                    () -> store.edit(room, at(original), author, replaceWith("edit"), T0.plusSeconds(1)),
                    () -> store.edit(room, at(original), author, new MessageChange.Erase(), T0.plusSeconds(1))));

            assertThat(outcomes.get(1)).isInstanceOf(EditOutcome.Edited.class);
            assertThat(outcomes.get(0)).isInstanceOfAny(EditOutcome.Edited.class, EditOutcome.NotFound.class);
            ChatMessage last = onlyMessage(room);
            assertThat(last.deleted()).isTrue();
            assertThat(last.text()).isNull();
        }
    }

    @Test
    void concurrent_edits_are_all_applied_one_after_another() throws Exception {
        RoomName room = room();
        UserId author = user();
        ChatMessage original = stored(message(room, author, T0));
        int editors = 8;
        List<Callable<EditOutcome>> edits = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String text = "edit " + i;
            edits.add(() -> store.edit(room, at(original), author, replaceWith(text), T0.plusSeconds(1)));
        }

        List<EditOutcome> outcomes = Concurrently.run(edits);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(EditOutcome.Edited.class));
        List<Instant> stamps = outcomes.stream()
                .map(outcome -> ((EditOutcome.Edited) outcome).message().modifiedAt()).sorted().toList();
        assertThat(stamps).doesNotHaveDuplicates();
        assertThat(onlyMessage(room).modifiedAt()).isEqualTo(stamps.get(stamps.size() - 1));
    }

    // --- sequence numbers ------------------------------------------------------------------------------------

    @Test
    void an_empty_room_has_latest_seq_zero() {
        assertThat(store.latestSeq(room())).isZero();
    }

    @Test
    void every_change_of_a_room_takes_its_next_seq_and_a_message_carries_that_of_its_latest_change() {
        RoomName room = room();
        UserId author = user();
        ChatMessage first = stored(message(room, author, T0, "first"));
        ChatMessage second = stored(message(room, author, T0.plusMillis(1), "second"));
        ChatMessage firstEdited = edited(store.edit(room, at(first), author, replaceWith("edited"), T0.plusSeconds(1)));
        ChatMessage secondDeleted = edited(store.edit(room, at(second), author, new MessageChange.Erase(),
                T0.plusSeconds(2)));

        assertThat(List.of(first.seq(), second.seq(), firstEdited.seq(), secondDeleted.seq()))
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(store.latestSeq(room)).isEqualTo(4);
        assertThat(store.page(room, HistoryCursor.latest(), 10).messages())
                .containsExactly(firstEdited, secondDeleted);
    }

    @Test
    void rooms_count_their_seqs_independently() {
        RoomName busy = room();
        RoomName quiet = room();
        insertSeries(busy, user(), 3);

        assertThat(stored(message(quiet, user(), T0)).seq()).isEqualTo(1);
        assertThat(store.latestSeq(busy)).isEqualTo(3);
        assertThat(store.latestSeq(quiet)).isEqualTo(1);
    }

    @Test
    void a_keyed_message_takes_a_seq_and_its_duplicate_takes_none() {
        RoomName room = room();
        UserId author = user();
        ClientMessageId key = new ClientMessageId("key-1");
        ChatMessage original = storedOf(store.insert(message(room, author, T0), key));

        InsertOutcome resent = store.insert(message(room, author, T0.plusMillis(1)), key);

        assertThat(original.seq()).isEqualTo(1);
        assertThat(resent).isEqualTo(new InsertOutcome.DuplicateOf(original));
        assertThat(store.latestSeq(room)).isEqualTo(1);
    }

    @Test
    void a_refused_edit_leaves_the_message_at_its_seq() {
        RoomName room = room();
        UserId author = user();
        ChatMessage original = stored(message(room, author, T0));

        store.edit(room, at(original), user(), replaceWith("hijacked"), T0.plusSeconds(1));
        store.edit(room, at(original), author, new MessageChange.Erase(), T0.plusSeconds(2));
        ChatMessage deleted = onlyMessage(room);
        store.edit(room, at(original), author, replaceWith("back"), T0.plusSeconds(3));

        assertThat(onlyMessage(room)).isEqualTo(deleted);
        assertThat(deleted.seq()).isGreaterThan(original.seq());
    }

    @Test
    void concurrent_posts_and_edits_in_one_room_never_share_a_seq() throws Exception {
        RoomName room = room();
        RoomName elsewhere = room();
        int writers = 8;
        int perWriter = 6;
        List<Callable<List<ChatMessage>>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            UserId author = user();
            tasks.add(() -> {
                List<ChatMessage> changes = new ArrayList<>();
                for (int i = 0; i < perWriter; i++) {
                    ChatMessage posted = stored(message(room, author, T0.plusMillis(writer * perWriter + i)));
                    changes.add(posted);
                    changes.add(edited(store.edit(room, at(posted), author, replaceWith("edit " + i),
                            T0.plusSeconds(1))));
                    stored(message(elsewhere, author, T0.plusMillis(writer * perWriter + i)));
                }
                return changes;
            });
        }

        List<ChatMessage> changes = Concurrently.run(tasks).stream().flatMap(List::stream).toList();

        List<Long> seqs = changes.stream().map(ChatMessage::seq).sorted().toList();
        assertThat(seqs).doesNotHaveDuplicates().allSatisfy(seq -> assertThat(seq).isPositive());
        assertThat(store.latestSeq(room)).isEqualTo(seqs.get(seqs.size() - 1));
        List<ChatMessage> sinceStart = store.page(room, new HistoryCursor.Since(0), 100).messages();
        assertThat(sinceStart).hasSize(writers * perWriter);
        assertThat(sinceStart).extracting(ChatMessage::seq).isSorted().doesNotHaveDuplicates();
        assertThat(store.page(elsewhere, new HistoryCursor.Since(0), 100).messages())
                .extracting(ChatMessage::seq).doesNotHaveDuplicates().hasSize(writers * perWriter);
    }

    @Test
    void since_gives_the_messages_changed_after_a_seq_ascending_with_limit_and_has_more() {
        RoomName room = room();
        List<ChatMessage> series = insertSeries(room, user(), 7);

        HistorySlice page = store.page(room, new HistoryCursor.Since(series.get(1).seq()), 3);
        HistorySlice last = store.page(room, new HistoryCursor.Since(series.get(4).seq()), 3);
        HistorySlice none = store.page(room, new HistoryCursor.Since(series.get(6).seq()), 3);

        assertThat(page.messages()).containsExactlyElementsOf(series.subList(2, 5));
        assertThat(page.hasMore()).isTrue();
        assertThat(last.messages()).containsExactlyElementsOf(series.subList(5, 7));
        assertThat(last.hasMore()).isFalse();
        assertThat(none.messages()).isEmpty();
        assertThat(none.hasMore()).isFalse();
        assertThat(store.page(room(), new HistoryCursor.Since(0), 3).messages()).isEmpty();
    }

    @Test
    void an_edit_or_delete_moves_a_message_to_a_later_seq_in_since_results() {
        RoomName room = room();
        UserId author = user();
        List<ChatMessage> series = insertSeries(room, author, 4);
        long seen = series.get(3).seq();
        ChatMessage edited = edited(store.edit(room, at(series.get(0)), author, replaceWith("late edit"),
                T0.plusSeconds(1)));
        ChatMessage posted = stored(message(room, author, T0.plusSeconds(2)));
        ChatMessage deleted = edited(store.edit(room, at(series.get(1)), author, new MessageChange.Erase(),
                T0.plusSeconds(3)));

        HistorySlice missed = store.page(room, new HistoryCursor.Since(seen), 10);
        HistorySlice fromStart = store.page(room, new HistoryCursor.Since(0), 10);

        assertThat(missed.messages()).containsExactly(edited, posted, deleted);
        assertThat(fromStart.messages()).containsExactly(series.get(2), series.get(3), edited, posted, deleted);
    }

    @Test
    void paging_by_since_visits_every_message_once_in_seq_order() {
        RoomName room = room();
        UserId author = user();
        List<ChatMessage> series = insertSeries(room, author, 12);
        List<ChatMessage> expected = new ArrayList<>(series);
        for (int i = 0; i < 12; i += 3) {
            ChatMessage edited = edited(store.edit(room, at(series.get(i)), author, replaceWith("edit"),
                    T0.plusSeconds(1)));
            expected.remove(series.get(i));
            expected.add(edited);
        }

        List<ChatMessage> seen = new ArrayList<>();
        HistorySlice slice = store.page(room, new HistoryCursor.Since(0), 5);
        seen.addAll(slice.messages());
        while (slice.hasMore()) {
            slice = store.page(room, new HistoryCursor.Since(seen.get(seen.size() - 1).seq()), 5);
            seen.addAll(slice.messages());
        }

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    // --- durability ------------------------------------------------------------------------------------------

    @Test
    void awaiting_durability_with_nothing_written_returns() {
        store.awaitDurable();
        store.awaitDurable();
    }

    @Test
    void concurrent_writers_that_each_await_durability_all_find_their_writes_stored() throws Exception {
        RoomName room = room();
        UserId author = user();
        int writers = 8;
        int perWriter = 10;
        List<Callable<List<ChatMessage>>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                List<ChatMessage> mine = new ArrayList<>();
                for (int i = 0; i < perWriter; i++) {
                    mine.add(stored(message(room, author, T0.plusMillis(writer * perWriter + i), "w" + writer)));
                    store.awaitDurable();
                }
                ChatMessage first = mine.get(0);
                EditOutcome edited = store.edit(room, at(first), author, replaceWith("edited"), T0.plusSeconds(1));
                store.awaitDurable();
                mine.set(0, ((EditOutcome.Edited) edited).message());
                return mine;
            });
        }

        List<ChatMessage> written = Concurrently.run(tasks).stream().flatMap(List::stream).toList();

        assertThat(store.page(room, HistoryCursor.latest(), 100).messages())
                .containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void stored_messages_and_their_edits_survive_a_reopen() {
        assumeTrue(canReopen(), "this store keeps nothing across a restart");
        RoomName room = room();
        UserId author = user();
        ChatMessage kept = message(room, author, T0, "kept");
        ChatMessage erased = message(room, author, T0.plusMillis(1), "erased");
        store.insert(kept);
        store.insert(erased);
        store.edit(room, at(kept), author, replaceWith("kept, edited"), T0.plusSeconds(1));
        store.edit(room, at(erased), author, new MessageChange.Erase(), T0.plusSeconds(1));
        UserId moderator = user();
        store.insert(message(room, author, T0.plusMillis(2), "moderated"));
        store.edit(room, new MessageRef.ByPostedAt(T0.plusMillis(2)), moderator,
                new MessageChange.ModeratorErase(moderator), T0.plusSeconds(1));
        List<ChatMessage> before = store.page(room, HistoryCursor.latest(), 10).messages();

        long latest = store.latestSeq(room);

        MessageStore reopened = reopen();

        assertThat(reopened.page(room, HistoryCursor.latest(), 10).messages()).isEqualTo(before);
        assertThat(reopened.latestSeq(room)).isEqualTo(latest);
        assertThat(before).extracting(ChatMessage::deletedBy).containsExactly(null, author, moderator);
        ChatMessage next = ((InsertOutcome.Stored) reopened.insert(message(room, author, T0.plusMillis(3))))
                .message();
        assertThat(next.seq()).isEqualTo(latest + 1);
    }
}
