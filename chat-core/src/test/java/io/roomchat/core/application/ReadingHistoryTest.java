package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.ReadHistoryQuery;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReadingHistoryTest {
    private final ChatHarness chat = new ChatHarness();
    private final io.roomchat.core.domain.ConnectionId alice = chat.connectAndJoin("alice", "general");

    private void postMany(int count) {
        for (int i = 0; i < count; i++) {
            chat.post(alice, "general", "message " + i);
            chat.clock.advance(Duration.ofSeconds(1));
        }
    }

    private ReplyPayload.HistoryPage page(HistoryCursor cursor, OptionalInt limit) {
        Reply reply = chat.core.handle(alice, new ReadHistoryQuery(room("general"), cursor, limit));
        assertThat(reply.status()).isEqualTo(Status.OK);
        return (ReplyPayload.HistoryPage) reply.payload().orElseThrow();
    }

    @Test
    void a_newcomer_reads_what_was_said_before_they_joined() {
        postMany(3);
        var bob = chat.connectAndJoin("bob", "general");

        Reply reply = chat.core.handle(bob, ReadHistoryQuery.latest(room("general")));

        var history = (ReplyPayload.HistoryPage) reply.payload().orElseThrow();
        assertThat(history.room()).isEqualTo(room("general"));
        assertThat(history.messages()).extracting(m -> m.text().value())
                .containsExactly("message 0", "message 1", "message 2");
        assertThat(history.hasMore()).isFalse();
    }

    @Test
    void the_default_page_is_fifty_newest_messages_oldest_first() {
        postMany(60);

        var history = page(HistoryCursor.latest(), OptionalInt.empty());

        assertThat(history.messages()).hasSize(50);
        assertThat(history.messages().get(0).text().value()).isEqualTo("message 10");
        assertThat(history.hasMore()).isTrue();
    }

    @Test
    void before_and_after_page_backwards_and_forwards() {
        postMany(10);
        var newest = page(HistoryCursor.latest(), OptionalInt.of(3));
        ChatMessage oldestShown = newest.messages().get(0);

        var older = page(new HistoryCursor.Before(oldestShown.postedAt()), OptionalInt.of(3));
        var missed = page(new HistoryCursor.After(older.messages().get(2).postedAt()), OptionalInt.of(100));

        assertThat(older.messages()).extracting(m -> m.text().value())
                .containsExactly("message 4", "message 5", "message 6");
        assertThat(missed.messages()).extracting(m -> m.text().value())
                .containsExactly("message 7", "message 8", "message 9");
        assertThat(missed.hasMore()).isFalse();
    }

    @Test
    void a_limit_out_of_range_is_400_naming_the_limit() {
        for (int limit : new int[] {0, -1, 101}) {
            Reply reply = chat.core.handle(alice,
                    new ReadHistoryQuery(room("general"), HistoryCursor.latest(), OptionalInt.of(limit)));
            assertThat(reply.status()).isEqualTo(Status.BAD_REQUEST);
            assertThat(reply.body()).startsWith("limit:");
        }
        assertThat(page(HistoryCursor.latest(), OptionalInt.of(100)).messages()).isEmpty();
    }

    @Test
    void reading_a_room_not_joined_is_forbidden() {
        postMany(1);
        var eve = chat.connectAndJoin("eve", "elsewhere");

        assertThat(chat.core.handle(eve, ReadHistoryQuery.latest(room("general"))).status())
                .isEqualTo(Status.FORBIDDEN);
    }

    @Test
    void a_storage_failure_while_reading_is_a_fixed_500() {
        chat.messages.failFromNowOn();

        assertThat(chat.core.handle(alice, ReadHistoryQuery.latest(room("general")))).isEqualTo(Reply.internalError());
    }
}
