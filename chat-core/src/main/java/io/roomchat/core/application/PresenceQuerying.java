package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.port.in.PresenceQuery;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.ConnectionStore;

/** {@code onPresence}: who is in a room the caller is in, for rooms too busy for presence events. */
final class PresenceQuerying {
    private final RoomMembers members;
    private final ConnectionStore connections;

    PresenceQuerying(RoomMembers members, ConnectionStore connections) {
        this.members = members;
        this.connections = connections;
    }

    Reply presence(ConnectionId caller, PresenceQuery query) {
        if (members.memberOf(caller, query.room()).isEmpty()) {
            return RoomMembers.notJoined();
        }
        return Reply.ok(new ReplyPayload.Present(query.room(), connections.presence(query.room(),
                RoomSummary.MAX_LISTED)));
    }
}
