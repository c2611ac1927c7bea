package io.roomchat.core.port.in;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.RoomName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a successful reply carries beyond its status. */
public sealed interface ReplyPayload {

    /** A new message is stored under this id, time and room sequence number. */
    record Posted(MessageId messageId, Instant postedAt, long seq) implements ReplyPayload {
        public Posted {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(postedAt, "postedAt");
        }

        public static Posted of(ChatMessage stored) {
            return new Posted(stored.id(), stored.postedAt(), stored.seq());
        }
    }

    /** A page of history, oldest first. */
    record HistoryPage(RoomName room, List<ChatMessage> messages, boolean hasMore) implements ReplyPayload {
        public HistoryPage {
            Objects.requireNonNull(room, "room");
            messages = List.copyOf(messages);
        }
    }
}
