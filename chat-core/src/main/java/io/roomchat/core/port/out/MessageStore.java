package io.roomchat.core.port.out;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.time.Instant;

/**
 * Where messages live. A write is stored and readable once its call returns, but may become durable only later:
 * {@link #awaitDurable()} waits for that, so that writers can release their locks before the store syncs and
 * share one sync between many writes. Implementations are thread-safe; failures surface as
 * {@link ChatStorageException} and leave nothing half-written.
 *
 * <p>Every stored change of a room (new message, edit, delete) takes the room's next sequence number, assigned by
 * the store atomically however many writers race (across processes, for a shared store): within a room it strictly
 * increases and is never reused, with a gap only where a write failed. A stored message carries the {@code seq} of
 * its latest change.
 */
public interface MessageStore {

    /**
     * Stores a new message unless its {@code (room, postedAt)} or its {@code id} is already taken. A store shared
     * by many nodes may instead stamp the postedAt itself with the seq, moving a taken or earlier one to just after
     * the room's newest message, so that postedAt order is seq order: the stored message is then the one to answer
     * and publish.
     *
     * @return {@link InsertOutcome.Stored} with the message under its room's next {@code seq} (and postedAt), or
     *         {@link InsertOutcome.Taken}, storing nothing, when either key is taken
     */
    InsertOutcome insert(ChatMessage message);

    /**
     * Stores a new message as {@link #insert(ChatMessage)} does, and under {@code key} among its author's messages
     * in its room, atomically: when the author already has a message in the room stored under {@code key}, stores
     * nothing and answers {@link InsertOutcome.DuplicateOf} with that message, however many calls race. Keys of
     * other authors or rooms never collide. A refused message leaves its key free.
     */
    InsertOutcome insert(ChatMessage message, ClientMessageId key);

    /**
     * Atomically applies {@code change} to the message {@code ref} names in {@code room}, only if
     * {@code author} wrote it and it is not deleted, as {@link EditOutcome#decide} rules; the stored result is
     * {@link ChatMessage#apply(MessageChange, Instant) message.apply(change, now)} under the room's next {@code seq}.
     */
    EditOutcome edit(RoomName room, MessageRef ref, UserId author, MessageChange change, Instant now);

    /**
     * Returns once every write that returned before this call is durable: it survives a crash of the process or
     * of the machine, as far as this store keeps anything. A store whose writes are durable when they return
     * returns at once.
     *
     * @throws ChatStorageException when they could not be made durable; nothing may be acknowledged then
     */
    void awaitDurable();

    /**
     * A page of {@code room}'s messages on the cursor's side, at most {@code limit}: oldest first, or for a
     * {@link HistoryCursor.Since} cursor by {@code seq} ascending.
     */
    HistorySlice page(RoomName room, HistoryCursor cursor, int limit);

    /** The {@code seq} of the room's latest stored change; 0 for a room that has none. */
    long latestSeq(RoomName room);
}
