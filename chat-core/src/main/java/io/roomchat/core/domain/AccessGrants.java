package io.roomchat.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a token grants, as the default room policy reads it: the rooms its holder may join ({@code rooms}; empty
 * when the token does not limit them) and the rooms it moderates. A connection keeps them for its later frames,
 * so each list holds at most {@link #MAX_PATTERNS}.
 */
public record AccessGrants(Optional<List<RoomPattern>> rooms, List<RoomPattern> moderates) {
    public static final int MAX_PATTERNS = 50;
    /** A token without grants: any room may be joined, none moderated, as before grants existed. */
    public static final AccessGrants NONE = new AccessGrants(Optional.empty(), List.of());

    public AccessGrants {
        Objects.requireNonNull(rooms, "rooms");
        rooms = rooms.map(patterns -> limited(patterns, "rooms"));
        moderates = limited(moderates, "moderates");
    }

    /** Grants that limit joins to {@code rooms} (and the holder's direct rooms). */
    public static AccessGrants of(List<RoomPattern> rooms, List<RoomPattern> moderates) {
        return new AccessGrants(Optional.of(rooms), moderates);
    }

    /** Grants that leave joins open and moderate {@code moderates}. */
    public static AccessGrants moderating(List<RoomPattern> moderates) {
        return new AccessGrants(Optional.empty(), moderates);
    }

    /** Whether the rooms grant admits {@code room}; true when there is no rooms grant. */
    public boolean mayJoin(RoomName room) {
        return rooms.map(patterns -> anyMatches(patterns, room)).orElse(true);
    }

    public boolean moderates(RoomName room) {
        return anyMatches(moderates, room);
    }

    private static boolean anyMatches(List<RoomPattern> patterns, RoomName room) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(room));
    }

    private static List<RoomPattern> limited(List<RoomPattern> patterns, String what) {
        List<RoomPattern> copy = List.copyOf(patterns);
        if (copy.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException(what + " must list at most " + MAX_PATTERNS + " patterns");
        }
        return copy;
    }
}
