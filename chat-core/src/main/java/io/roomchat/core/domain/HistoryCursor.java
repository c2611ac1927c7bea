package io.roomchat.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a history page starts: the newest page, the newest page before a time, the oldest page after one, or the
 * messages changed since a sequence number.
 */
public sealed interface HistoryCursor {

    record Latest() implements HistoryCursor {
    }

    /** Messages posted strictly before {@code postedAt}, newest page. */
    record Before(Instant postedAt) implements HistoryCursor {
        public Before {
            postedAt = Objects.requireNonNull(postedAt, "postedAt").truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** Messages posted strictly after {@code postedAt}, oldest page: what a reconnecting client missed. */
    record After(Instant postedAt) implements HistoryCursor {
        public After {
            postedAt = Objects.requireNonNull(postedAt, "postedAt").truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /**
     * Messages whose latest change has a {@code seq} greater than {@code seq}, by that {@code seq} ascending: what a
     * reconnecting client missed, edits and deletes of older messages included.
     */
    record Since(long seq) implements HistoryCursor {
        public Since {
            if (seq < 0) {
                throw new IllegalArgumentException("since: must not be negative");
            }
        }
    }

    static HistoryCursor latest() {
        return new Latest();
    }

    /** Whether {@code message} lies on this cursor's side. */
    default boolean admits(ChatMessage message) {
        if (this instanceof Before before) {
            return message.postedAt().isBefore(before.postedAt());
        }
        if (this instanceof After after) {
            return message.postedAt().isAfter(after.postedAt());
        }
        if (this instanceof Since since) {
            return message.seq() > since.seq();
        }
        return true;
    }
}
