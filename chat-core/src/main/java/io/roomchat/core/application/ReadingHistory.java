package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.ReadHistoryQuery;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.HistorySlice;
import io.roomchat.core.port.out.MessageStore;

final class ReadingHistory {
    private final RoomMembers members;
    private final MessageStore messages;
    private final int defaultLimit;
    private final int maxLimit;

    ReadingHistory(RoomMembers members, MessageStore messages, Limits limits) {
        this.members = members;
        this.messages = messages;
        this.defaultLimit = limits.historyPageDefault();
        this.maxLimit = limits.historyPageMax();
    }

    Reply readHistory(ConnectionId caller, ReadHistoryQuery query) {
        int limit = query.limit().orElse(defaultLimit);
        if (limit < 1 || limit > maxLimit) {
            return Reply.rejected(Status.BAD_REQUEST, "limit: must be 1-" + maxLimit);
        }
        if (members.memberOf(caller, query.room()).isEmpty()) {
            return RoomMembers.notJoined();
        }
        HistorySlice slice = messages.page(query.room(), query.cursor(), limit);
        return Reply.ok(new ReplyPayload.HistoryPage(query.room(), slice.messages(), slice.hasMore()));
    }
}
