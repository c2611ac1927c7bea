package io.roomchat.core.port.in;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPresence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * A v2 join: the room's latest {@code seq}, who is present, the caller's read position and how many messages
     * of others are unread after it, and whether the caller moderates the room; with {@code recovered} when the
     * join resumed from a {@code since}.
     */
    record Joined(RoomName room, long seq, RoomPresence presence, Optional<Instant> lastRead, int unread,
                  boolean moderator, Optional<Boolean> recovered) implements ReplyPayload {
        public Joined {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(presence, "presence");
            Objects.requireNonNull(lastRead, "lastRead");
            Objects.requireNonNull(recovered, "recovered");
        }
    }

    /** Who is present in the room ({@code onPresence}). */
    record Present(RoomName room, RoomPresence presence) implements ReplyPayload {
        public Present {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(presence, "presence");
        }
    }

    /** The user's read position in the room after an {@code onRead}. */
    record ReadUpTo(RoomName room, Instant lastRead) implements ReplyPayload {
        public ReadUpTo {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(lastRead, "lastRead");
        }
    }
}
