package io.roomchat.resilience.fault;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.port.out.HistorySlice;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.time.Instant;

/**
 * The server's real message store, which a test can break and mend while the server runs: broken, every read and
 * write throws the given exception before reaching the store, as when its database is unreachable. Its syncs can
 * be broken alone, as when the disk fails: a write then is stored, but waiting for it to be durable throws.
 */
final class BreakableMessageStore implements MessageStore {
    private final MessageStore store;
    private volatile RuntimeException failure;
    private volatile RuntimeException syncFailure;

    BreakableMessageStore(MessageStore store) {
        this.store = store;
    }

    void breakWith(RuntimeException failure) {
        this.failure = failure;
    }

    void breakSyncsWith(RuntimeException failure) {
        this.syncFailure = failure;
    }

    void mend() {
        this.failure = null;
        this.syncFailure = null;
    }

    @Override
    public InsertOutcome insert(ChatMessage message) {
        failIfBroken();
        return store.insert(message);
    }

    @Override
    public InsertOutcome insert(ChatMessage message, ClientMessageId key) {
        failIfBroken();
        return store.insert(message, key);
    }

    @Override
    public EditOutcome edit(RoomName room, MessageRef ref, UserId author, MessageChange change, Instant now) {
        failIfBroken();
        return store.edit(room, ref, author, change, now);
    }

    @Override
    public long latestSeq(RoomName room) {
        failIfBroken();
        return store.latestSeq(room);
    }

    @Override
    public void awaitDurable() {
        RuntimeException current = syncFailure;
        if (current != null) {
            throw current;
        }
        store.awaitDurable();
    }

    @Override
    public HistorySlice page(RoomName room, HistoryCursor cursor, int limit) {
        failIfBroken();
        return store.page(room, cursor, limit);
    }

    private void failIfBroken() {
        RuntimeException current = failure;
        if (current != null) {
            throw current;
        }
    }
}
