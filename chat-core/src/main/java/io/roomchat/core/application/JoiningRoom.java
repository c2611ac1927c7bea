package io.roomchat.core.application;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyChannel;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.JoinOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.util.Optional;
import java.util.function.Function;

/**
 * v1's {@code onJoin} switches rooms and answers a bare 200; v2's adds one, up to
 * {@link Limits#maxRoomsPerConnection()}, and answers with the room's state ({@link RoomSummary}). A v2 join with
 * {@code since} resumes: it enters the room in the room's order on this node ({@link RoomOrder#inTurn}), so that every change
 * reaches the caller once, either in the catch-up ({@link Resuming}) or live; its reply goes out before the catch-up.
 * Every join is first put to {@link RoomAdmission}: a refused one changes nothing, not even a v1 caller's room.
 */
final class JoiningRoom {
    private final ConnectionStore connections;
    private final MessageStore messages;
    private final Presence presence;
    private final Disconnecting disconnecting;
    private final RoomOrder roomOrder;
    private final RoomSummary summary;
    private final Resuming resuming;
    private final RoomAdmission admission;
    private final int maxRooms;

    JoiningRoom(ConnectionStore connections, MessageStore messages, Presence presence, Disconnecting disconnecting,
                RoomOrder roomOrder, RoomSummary summary, Resuming resuming, RoomAdmission admission,
                Limits limits) {
        this.connections = connections;
        this.admission = admission;
        this.messages = messages;
        this.presence = presence;
        this.disconnecting = disconnecting;
        this.roomOrder = roomOrder;
        this.summary = summary;
        this.resuming = resuming;
        this.maxRooms = limits.maxRoomsPerConnection();
    }

    /** {@code replies}: a resuming join answers there before its catch-up, and returns the same reply. */
    Reply join(ConnectionId caller, JoinRoomCommand command, ReplyChannel replies) {
        Optional<Connection> connection = connections.find(caller);
        if (connection.isEmpty()) {
            return unknownConnection();
        }
        Optional<Reply> refused = admission.refusal(connection.get(), command.room());
        if (refused.isPresent()) {
            return refused.get();
        }
        Membership membership = new Membership(command.room(), command.name());
        if (connection.get().protocol() == Protocol.V1) {
            // v1 ignores since: its reply stays exactly v1's.
            return answered(connections.switchTo(caller, membership), command, joined -> Reply.ok());
        }
        if (command.since().isEmpty()) {
            return answered(connections.join(caller, membership, maxRooms), command, joined ->
                    summary.reply(joined.connection(), command.room(), messages.latestSeq(command.room()),
                            Optional.empty()));
        }
        long since = command.since().getAsLong();
        return roomOrder.inTurn(command.room(), since, divide -> answered(
                connections.join(caller, membership, maxRooms), command, joined -> {
                    long upTo = divide.getAsLong();
                    boolean recovered = Resuming.canRecover(since, upTo);
                    // The reply first, still in the room's turn: then the catch-up, then live events.
                    Reply reply = summary.reply(joined.connection(), command.room(), upTo, Optional.of(recovered));
                    replies.send(reply);
                    if (recovered) {
                        resuming.resume(joined.connection(), command.room(), since, upTo);
                    }
                    return reply;
                }));
    }

    /** The store's answer to a join: a refusal, or the rooms involved told and {@code answer}'s reply. */
    private Reply answered(JoinOutcome outcome, JoinRoomCommand command, Function<JoinOutcome.Joined, Reply> answer) {
        if (outcome instanceof JoinOutcome.TooManyRooms) {
            return Reply.rejected(Status.FORBIDDEN, "room: already in " + maxRooms + " rooms, leave one first");
        }
        if (!(outcome instanceof JoinOutcome.Joined joined)) {
            return unknownConnection();
        }
        // A v1 switch tells the rooms it left before the one it entered.
        disconnecting.departed(joined.left());
        if (joined.firstOfUser()) {
            Connection entered = joined.connection();
            presence.announce(new RoomEvent.Presence(command.room(), RoomEvent.Presence.Kind.JOIN, entered.userId(),
                    command.name()));
        }
        return answer.apply(joined);
    }

    private static Reply unknownConnection() {
        return Reply.rejected(Status.FORBIDDEN, RoomMembers.UNKNOWN_CONNECTION);
    }
}
