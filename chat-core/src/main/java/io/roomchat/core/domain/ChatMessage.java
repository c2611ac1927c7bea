package io.roomchat.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A stored message, which is also the event every member of its room receives.
 * A deleted message keeps its identity and times but has no text. {@code seq} is the room's sequence number of
 * the message's latest change (new, edit or delete), which its store assigns; 0 until it is stored.
 * {@code deletedBy} is who deleted it (its author, or a moderator of its room): null exactly when it is not deleted.
 */
public record ChatMessage(
        MessageId id,
        RoomName room,
        UserId author,
        DisplayName authorName,
        MessageText text,
        Instant postedAt,
        Instant modifiedAt,
        boolean deleted,
        long seq,
        UserId deletedBy) {

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        if (deleted != (text == null)) {
            throw new IllegalArgumentException("a message has text exactly when it is not deleted");
        }
        if (deleted != (deletedBy != null)) {
            throw new IllegalArgumentException("a message has a deleter exactly when it is deleted");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        if (modifiedAt.isBefore(postedAt)) {
            throw new IllegalArgumentException("modifiedAt must not be before postedAt");
        }
        postedAt = postedAt.truncatedTo(ChronoUnit.MILLIS);
        modifiedAt = modifiedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A message as its author left it: deleted, if at all, by the author. */
    public ChatMessage(MessageId id, RoomName room, UserId author, DisplayName authorName, MessageText text,
                       Instant postedAt, Instant modifiedAt, boolean deleted, long seq) {
        this(id, room, author, authorName, text, postedAt, modifiedAt, deleted, seq, deleted ? author : null);
    }

    public static ChatMessage posted(MessageId id, RoomName room, UserId author, DisplayName authorName,
                                     MessageText text, Instant postedAt) {
        return new ChatMessage(id, room, author, authorName, text, postedAt, postedAt, false, 0);
    }

    /**
     * The message after {@code change}, stamped with a {@code modifiedAt} strictly later than the current one
     * (even within one millisecond), so that every client can tell an update from a new message. Its {@code seq}
     * is still the current one: the store stamps the change with the room's next when it writes it.
     */
    public ChatMessage apply(MessageChange change, Instant now) {
        Instant stamp = now.truncatedTo(ChronoUnit.MILLIS);
        if (!stamp.isAfter(modifiedAt)) {
            stamp = modifiedAt.plusMillis(1);
        }
        if (change instanceof MessageChange.Replace replace) {
            return new ChatMessage(id, room, author, authorName, replace.text(), postedAt, stamp, false, seq);
        }
        UserId deleter = change instanceof MessageChange.ModeratorErase erase ? erase.moderator() : author;
        return new ChatMessage(id, room, author, authorName, null, postedAt, stamp, true, seq, deleter);
    }

    /** This message as stored under the room's sequence number {@code seq}. */
    public ChatMessage withSeq(long seq) {
        return new ChatMessage(id, room, author, authorName, text, postedAt, modifiedAt, deleted, seq, deletedBy);
    }

    public boolean isWrittenBy(UserId user) {
        return author.equals(user);
    }
}
