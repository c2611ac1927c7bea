package io.roomchat.core.port.out;

import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.RoomName;
import java.util.Objects;

/**
 * A connection left a room.
 *
 * @param member     the connection as it was in the room
 * @param lastOfUser no other connection of the same user is left in the room: the user has just left it
 */
public record Departure(RoomName room, Member member, boolean lastOfUser) {
    public Departure {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(member, "member");
    }
}
