package io.roomchat.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Where a history page starts: the newest page, the newest page before a time, or the oldest page after one. */
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

    static HistoryCursor latest() {
        return new Latest();
    }

    /** Whether a message posted at {@code postedAt} lies on this cursor's side. */
    default boolean admits(Instant postedAt) {
        if (this instanceof Before before) {
            return postedAt.isBefore(before.postedAt());
        }
        if (this instanceof After after) {
            return postedAt.isAfter(after.postedAt());
        }
        return true;
    }
}
