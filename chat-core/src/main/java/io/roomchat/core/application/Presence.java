package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomPresence;
import io.roomchat.core.port.out.ConnectionStore;
import java.util.List;

/**
 * Tells a room that a user entered or left it: to the v2 connections in it, and only while at most
 * {@link Limits#presenceMaxUsers()} users are present (a busier room sends none; clients ask instead). Whether a
 * join or a leave is a user's first or last is the store's answer to that write, not decided here.
 */
final class Presence {
    private final ConnectionStore connections;
    private final Fanout fanout;
    private final int maxUsers;

    Presence(ConnectionStore connections, Fanout fanout, Limits limits) {
        this.connections = connections;
        this.fanout = fanout;
        this.maxUsers = limits.presenceMaxUsers();
    }

    /**
     * Sends {@code event} to the room's v2 connections.
     *
     * @return the recipients found gone, for the caller to disconnect
     */
    List<ConnectionId> announce(RoomEvent.Presence event) {
        // One listing of the room gives both the recipients and the count (one query on DynamoDB).
        List<Member> members = connections.inRoom(event.room());
        List<Member> recipients = members.stream().filter(member -> member.protocol() == Protocol.V2).toList();
        if (recipients.isEmpty() || RoomPresence.of(members, 0).count() > maxUsers) {
            return List.of();
        }
        return fanout.deliver(event, recipients).gone();
    }
}
