package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;
import java.util.List;

/**
 * One page of a room's history, oldest first (by {@code seq} for a {@code Since} cursor), and whether more
 * messages lie beyond it in the direction read (older ones for a {@code Latest} or {@code Before} cursor, newer
 * ones for an {@code After} cursor, later changes for a {@code Since} cursor).
 */
public record HistorySlice(List<ChatMessage> messages, boolean hasMore) {
    public HistorySlice {
        messages = List.copyOf(messages);
    }
}
