package io.roomchat.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A direct room, {@code dm:} and then 2-10 user ids joined by {@code ,} in ascending order ({@code dm:alice,bob}):
 * only the users it lists may join it. The order makes each set of users' room name unique.
 */
public record DirectRoom(List<UserId> members) {
    public static final String PREFIX = "dm:";
    public static final int MIN_MEMBERS = 2;
    public static final int MAX_MEMBERS = 10;

    public DirectRoom {
        members = List.copyOf(members);
        if (members.size() < MIN_MEMBERS || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("room: a direct room lists " + MIN_MEMBERS + "-" + MAX_MEMBERS
                    + " user ids");
        }
        for (int i = 1; i < members.size(); i++) {
            if (members.get(i - 1).value().compareTo(members.get(i).value()) >= 0) {
                throw new IllegalArgumentException(
                        "room: a direct room lists its user ids in ascending order, each once");
            }
        }
    }

    public static boolean isDirect(RoomName room) {
        return room.value().startsWith(PREFIX);
    }

    /**
     * The direct room {@code room} names; empty when it is not a direct room.
     *
     * @throws IllegalArgumentException naming {@code room} when it starts with {@code dm:} but lists its users wrongly
     */
    public static Optional<DirectRoom> of(RoomName room) {
        if (!isDirect(room)) {
            return Optional.empty();
        }
        List<UserId> members = new ArrayList<>();
        for (String id : room.value().substring(PREFIX.length()).split(",", -1)) {
            if (id.isEmpty() || id.isBlank()) {
                throw new IllegalArgumentException("room: a direct room's user ids must not be empty");
            }
            members.add(new UserId(id));
        }
        return Optional.of(new DirectRoom(members));
    }

    public boolean admits(UserId user) {
        return members.contains(user);
    }
}
