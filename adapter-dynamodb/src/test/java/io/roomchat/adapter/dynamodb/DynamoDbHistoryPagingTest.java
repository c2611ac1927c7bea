package io.roomchat.adapter.dynamodb;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.message;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.HistorySlice;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** History pages as DynamoDB queries: one query per page, more only past DynamoDB's 1 MB response size. */
class DynamoDbHistoryPagingTest {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();

    @BeforeEach
    void resetCounts() {
        DYNAMO.requests().reset();
    }

    private static MessageStore store() {
        return DYNAMO.storage().messageStore();
    }

    private static List<ChatMessage> insertSeries(RoomName room, UserId author, int count, String text) {
        List<ChatMessage> series = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            series.add(((InsertOutcome.Stored) store().insert(message(room, author, T0.plusMillis(i), text)))
                    .message());
        }
        return series;
    }

    @Test
    void a_page_is_one_consistent_query() {
        RoomName room = room();
        List<ChatMessage> series = insertSeries(room, user(), 12, "short");
        DYNAMO.requests().reset();

        HistorySlice slice = store().page(room, new HistoryCursor.Before(series.get(10).postedAt()), 5);

        assertThat(slice.messages()).containsExactlyElementsOf(series.subList(5, 10));
        assertThat(slice.hasMore()).isTrue();
        assertThat(DYNAMO.requests().requests()).containsExactlyEntriesOf(java.util.Map.of("Query", 1));
    }

    @Test
    void a_full_page_of_the_longest_messages_is_read_across_dynamodb_response_pages() {
        RoomName room = room();
        // On DynamoDB, 101 messages of 4,000 four-byte characters (1.6 MB) exceed one query response's 1 MB.
        // dynalite counts a string's size in UTF-16 units, not UTF-8 bytes, so the same bulk is made of more,
        // plainer characters here; the store does not limit text length (the use cases do).
        String longest = "x".repeat(12_000);
        List<ChatMessage> series = insertSeries(room, user(), 101, longest);
        DYNAMO.requests().reset();

        HistorySlice newest = store().page(room, HistoryCursor.latest(), 100);

        assertThat(newest.messages()).containsExactlyElementsOf(series.subList(1, 101));
        assertThat(newest.hasMore()).isTrue();
        assertThat(DYNAMO.requests().requests().get("Query")).as("queries for one page").isGreaterThan(1);

        HistorySlice oldest = store().page(room, new HistoryCursor.After(T0.minusMillis(1)), 100);
        assertThat(oldest.messages()).containsExactlyElementsOf(series.subList(0, 100));
        assertThat(oldest.hasMore()).isTrue();
    }

    @Test
    void pages_show_edits_and_deletions_in_place() {
        RoomName room = room();
        UserId author = user();
        List<ChatMessage> series = insertSeries(room, author, 6, "original");
        MessageChange edit = new MessageChange.Replace(new MessageText("edited"));
        store().edit(room, new MessageRef.ByPostedAt(series.get(1).postedAt()), author, edit, T0.plusSeconds(1));
        store().edit(room, new MessageRef.ById(series.get(4).id()), author, new MessageChange.Erase(),
                T0.plusSeconds(1));

        List<ChatMessage> seen = new ArrayList<>();
        HistorySlice slice = store().page(room, HistoryCursor.latest(), 4);
        seen.addAll(0, slice.messages());
        while (slice.hasMore()) {
            slice = store().page(room, new HistoryCursor.Before(seen.get(0).postedAt()), 4);
            seen.addAll(0, slice.messages());
        }

        assertThat(seen).extracting(ChatMessage::id).containsExactlyElementsOf(
                series.stream().map(ChatMessage::id).toList());
        assertThat(seen.get(1)).isEqualTo(series.get(1).apply(edit, T0.plusSeconds(1)).withSeq(7));
        assertThat(seen.get(4).deleted()).isTrue();
        assertThat(seen.get(4).text()).isNull();
    }

    @Test
    void a_since_page_reads_the_seq_index_once() {
        RoomName room = room();
        List<ChatMessage> series = insertSeries(room, user(), 12, "short");
        DYNAMO.requests().reset();

        HistorySlice slice = store().page(room, new HistoryCursor.Since(series.get(4).seq()), 5);

        assertThat(slice.messages()).containsExactlyElementsOf(series.subList(5, 10));
        assertThat(slice.hasMore()).isTrue();
        assertThat(DYNAMO.requests().requests()).containsExactlyEntriesOf(java.util.Map.of("Query", 1));
    }

    @Test
    void a_room_named_like_a_seq_counters_room_without_the_control_characters_reads_no_counter() {
        RoomName room = room();
        store().insert(message(room, user(), T0));
        RoomName lookalike = new RoomName("seq" + room.value());

        assertThat(store().page(lookalike, HistoryCursor.latest(), 10).messages()).isEmpty();
        assertThat(store().latestSeq(lookalike)).isZero();
    }

    @Test
    void a_room_named_like_an_id_claims_room_without_the_control_characters_reads_no_claims() {
        ChatMessage m = message(room(), user(), T0);
        store().insert(m);
        RoomName lookalike = new RoomName("id" + m.id().value());

        assertThat(store().page(lookalike, HistoryCursor.latest(), 10).messages()).isEmpty();
    }
}
