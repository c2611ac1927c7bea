package io.roomchat.core.application;

import io.roomchat.core.domain.DirectRoom;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.RoomAccess;
import io.roomchat.core.port.out.RoomPolicy;
import java.util.Optional;

/**
 * The default room policy, read from the token's grants: a direct room admits only the users it lists; the rooms
 * grant, when the token has one, limits the other rooms to those it matches; the moderator grant lists the rooms the
 * user moderates. A token without grants joins any room other than someone else's direct room, as before.
 */
final class GrantedRooms implements RoomPolicy {
    static final String NOT_GRANTED = "room: your token does not grant this room";
    static final String NOT_YOUR_DIRECT_ROOM = "room: a direct room admits only the users it lists";

    @Override
    public RoomAccess admits(Identity who, RoomName room) {
        Optional<DirectRoom> direct;
        try {
            direct = DirectRoom.of(room);
        } catch (IllegalArgumentException malformed) {
            return RoomAccess.malformed(malformed.getMessage());
        }
        if (direct.isPresent()) {
            return direct.get().admits(who.userId()) ? RoomAccess.ADMITTED : RoomAccess.forbidden(NOT_YOUR_DIRECT_ROOM);
        }
        return who.grants().mayJoin(room) ? RoomAccess.ADMITTED : RoomAccess.forbidden(NOT_GRANTED);
    }

    @Override
    public boolean moderates(Identity who, RoomName room) {
        return who.grants().moderates(room);
    }
}
