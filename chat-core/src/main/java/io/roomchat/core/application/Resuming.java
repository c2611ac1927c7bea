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

    /** Whether the changes in {@code (since, upTo]} are few enough to be sent ({@code "recovered"}). */
    static boolean canRecover(long since, long upTo) {
        return upTo - since <= MAX_MISSED;
    }

    /** Sends the changes in {@code (since, upTo]} to {@code joined}; the caller checked {@link #canRecover}. */
    void resume(Connection joined, RoomName room, long since, long upTo) {
        if (since >= upTo) {
            return;
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
    }
}
