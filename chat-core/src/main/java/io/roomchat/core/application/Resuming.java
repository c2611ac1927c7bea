package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.MessageStore;
import java.util.List;

/**
 * A resuming join's catch-up: one message event (its current state) per message of the room whose latest change
 * lies in {@code (since, upTo]}, by {@code seq}, to the joining connection only. When more than {@link #MAX_MISSED}
 * changes are missing (counted by {@code seq}, so a failed write's gap counts too) the client is told to reload
 * instead, and nothing is sent.
 */
final class Resuming {
    static final int MAX_MISSED = 500;

    private final MessageStore messages;
    private final Fanout fanout;
    private final Disconnecting disconnecting;

    Resuming(MessageStore messages, Fanout fanout, Disconnecting disconnecting) {
        this.messages = messages;
        this.fanout = fanout;
        this.disconnecting = disconnecting;
    }

    /** @return whether the missed changes were sent ({@code "recovered"}) */
    boolean resume(Connection joined, RoomName room, long since, long upTo) {
        if (since >= upTo) {
            return true;
        }
        if (upTo - since > MAX_MISSED) {
            return false;
        }
        // At most as many messages as changes; later changes reach the connection live, so they are left out.
        List<ChatMessage> missed = messages.page(room, new HistoryCursor.Since(since), MAX_MISSED).messages()
                .stream().filter(message -> message.seq() <= upTo).toList();
        List<Member> to = List.of(joined.memberOf(room).orElseThrow());
        for (ChatMessage message : missed) {
            List<?> gone = fanout.deliver(new RoomEvent.Message(message), to).gone();
            if (!gone.isEmpty()) {
                disconnecting.disconnect(joined.id());
                break;
            }
        }
        return true;
    }
}
