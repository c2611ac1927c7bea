package io.roomchat.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The per-room order on its own, over the in-memory store (no Redis: nothing here crosses a network). */
class RoomSequenceTest {
    private static final UserId CAROL = new UserId("carol");

    private final MessageStore store = InMemoryChat.messageStore();
    private final RoomName room = new RoomName("r");
    private final List<ChatMessage> delivered = new ArrayList<>();
    private final RoomSequence sequence = new RoomSequence(room, 0, store, delivered::add, 10, new Object());
    private long millis;

    @Test
    void anEventAtOrBelowTheLastDeliveredIsDropped() {
        ChatMessage first = post("one");
        assertThat(sequence.offer(first)).isEqualTo(RoomSequence.Offered.DELIVERED);
        assertThat(sequence.offer(first)).isEqualTo(RoomSequence.Offered.DROPPED);
        assertThat(delivered).containsExactly(first);
    }

    @Test
    void heldEventsAreReleasedInOrderOnceTheGapFills() {
        ChatMessage one = post("one");
        ChatMessage two = post("two");
        ChatMessage three = post("three");

        assertThat(sequence.offer(three)).isEqualTo(RoomSequence.Offered.GAP_OPENED);
        assertThat(sequence.offer(two)).isEqualTo(RoomSequence.Offered.HELD);
        assertThat(sequence.offer(one)).isEqualTo(RoomSequence.Offered.DELIVERED);

        assertThat(delivered).containsExactly(one, two, three);
        assertThat(sequence.hasGap()).isFalse();
    }

    @Test
    void aSeqThatAnEditSupersededIsSkippedWhenTheGapIsReadFromTheStore() {
        ChatMessage one = post("one");
        ChatMessage two = post("two");
        ChatMessage oneEdited = edit(one, "one, edited");

        // The event for seq 1 was lost; seq 3 (the edit) arrives; the store no longer shows seq 1.
        sequence.offer(oneEdited);
        sequence.fill();

        assertThat(delivered).containsExactly(two, oneEdited);
        assertThat(sequence.delivered()).isEqualTo(oneEdited.seq());
        assertThat(sequence.offer(two)).isEqualTo(RoomSequence.Offered.DROPPED);
    }

    private ChatMessage post(String text) {
        var outcome = store.insert(ChatMessage.posted(new MessageId(UUID.randomUUID().toString()), room, CAROL,
                new DisplayName("Carol"), new MessageText(text), Instant.parse("2026-12-07T10:00:00Z")
                        .plusMillis(millis++)));
        return ((InsertOutcome.Stored) outcome).message();
    }

    private ChatMessage edit(ChatMessage message, String text) {
        var outcome = store.edit(room, new MessageRef.ById(message.id()), CAROL,
                new MessageChange.Replace(new MessageText(text)), Instant.parse("2026-12-07T11:00:00Z"));
        return ((EditOutcome.Edited) outcome).message();
    }
}
