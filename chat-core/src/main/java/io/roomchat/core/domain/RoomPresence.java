package io.roomchat.core.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is present in a room: how many distinct users, and up to a bound of them listed (one entry per user,
 * whichever of its names comes first). Connections of every protocol count.
 */
public record RoomPresence(int count, List<PresentUser> listed) {
    public RoomPresence {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        listed = List.copyOf(listed);
        if (listed.size() > count) {
            throw new IllegalArgumentException("cannot list more users than are present");
        }
    }

    /** The presence that a room's member connections make, listing at most {@code maxListed} users. */
    public static RoomPresence of(Collection<Member> members, int maxListed) {
        Map<UserId, DisplayName> users = new LinkedHashMap<>();
        for (Member member : members) {
            users.putIfAbsent(member.userId(), member.name());
        }
        List<PresentUser> listed = users.entrySet().stream().limit(maxListed)
                .map(user -> new PresentUser(user.getKey(), user.getValue())).toList();
        return new RoomPresence(users.size(), listed);
    }
}
