package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.port.out.HistorySlice;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simplest correct message store (a list), for the core's own tests; can be told to fail. A write becomes
 * durable at the next {@link #awaitDurable()}, which a test can hold back or make fail.
 */
final class FakeMessageStore implements MessageStore {
    private final List<ChatMessage> messages = new ArrayList<>();
    /** (room, author, client key) → the message stored under it. */
    private final Map<List<Object>, MessageId> keys = new HashMap<>();
    /** Each room's latest seq. */
    private final Map<RoomName, Long> seqs = new HashMap<>();
    /** Every write so far, in order; the first {@link #durableWrites} of them are durable. */
    private final List<ChatMessage> writes = new ArrayList<>();
    private int durableWrites;
    private final AtomicInteger syncs = new AtomicInteger();
    private volatile boolean failing;
    private volatile boolean syncsFailing;
    private volatile CountDownLatch syncGate = new CountDownLatch(0);
    private volatile int syncMillis;

    void failFromNowOn() {
        failing = true;
    }

    /** Syncs from now on fail, leaving what they covered stored but not durable. */
    void failSyncs(boolean fail) {
        syncsFailing = fail;
    }

    /** Syncs from now on wait until {@link #releaseSyncs()}. */
    void holdSyncs() {
        syncGate = new CountDownLatch(1);
    }

    void syncTakesMillis(int millis) {
        syncMillis = millis;
    }

    void releaseSyncs() {
        syncGate.countDown();
    }

    int syncs() {
        return syncs.get();
    }

    synchronized boolean isDurable(ChatMessage write) {
        return writes.subList(0, durableWrites).contains(write);
    }

    @Override
    public void awaitDurable() {
        int covered;
        synchronized (this) {
            covered = writes.size();
        }
        syncs.incrementAndGet();
        try {
            syncGate.await();
            Thread.sleep(syncMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatStorageException("interrupted (test)", e);
        }
        if (syncsFailing) {
            throw new ChatStorageException("disk failed (test)");
        }
        synchronized (this) {
            durableWrites = Math.max(durableWrites, covered);
        }
    }

    @Override
    public synchronized InsertOutcome insert(ChatMessage message) {
        failIfAsked();
        boolean taken = messages.stream().anyMatch(m -> m.id().equals(message.id())
                || (m.room().equals(message.room()) && m.postedAt().equals(message.postedAt())));
        if (taken) {
            return new InsertOutcome.Taken();
        }
        ChatMessage stored = message.withSeq(nextSeq(message.room()));
        messages.add(stored);
        writes.add(stored);
        return new InsertOutcome.Stored(stored);
    }

    @Override
    public synchronized InsertOutcome insert(ChatMessage message, ClientMessageId key) {
        failIfAsked();
        List<Object> keyed = List.of(message.room(), message.author(), key);
        MessageId original = keys.get(keyed);
        if (original != null) {
            return new InsertOutcome.DuplicateOf(messages.stream().filter(m -> m.id().equals(original))
                    .findFirst().orElseThrow());
        }
        InsertOutcome outcome = insert(message);
        if (outcome instanceof InsertOutcome.Stored) {
            keys.put(keyed, message.id());
        }
        return outcome;
    }

    @Override
    public synchronized EditOutcome edit(RoomName room, MessageRef ref, UserId author, MessageChange change,
                                         Instant now) {
        failIfAsked();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (m.room().equals(room) && ref.matches(m)) {
                EditOutcome outcome = EditOutcome.decide(m, author, change, now);
                if (outcome instanceof EditOutcome.Edited edited) {
                    ChatMessage stored = edited.message().withSeq(nextSeq(room));
                    messages.set(i, stored);
                    writes.add(stored);
                    return new EditOutcome.Edited(stored);
                }
                return outcome;
            }
        }
        return new EditOutcome.NotFound();
    }

    @Override
    public synchronized HistorySlice page(RoomName room, HistoryCursor cursor, int limit) {
        failIfAsked();
        List<ChatMessage> side = messages.stream()
                .filter(m -> m.room().equals(room) && cursor.admits(m))
                .sorted(cursor instanceof HistoryCursor.Since
                        ? Comparator.comparingLong(ChatMessage::seq)
                        : Comparator.comparing(ChatMessage::postedAt))
                .toList();
        boolean hasMore = side.size() > limit;
        boolean forward = cursor instanceof HistoryCursor.After || cursor instanceof HistoryCursor.Since;
        List<ChatMessage> page = forward
                ? side.subList(0, Math.min(limit, side.size()))
                : side.subList(Math.max(0, side.size() - limit), side.size());
        return new HistorySlice(page, hasMore);
    }

    @Override
    public synchronized long latestSeq(RoomName room) {
        failIfAsked();
        return seqs.getOrDefault(room, 0L);
    }

    private long nextSeq(RoomName room) {
        return seqs.merge(room, 1L, Long::sum);
    }

    synchronized List<ChatMessage> all() {
        return List.copyOf(messages);
    }

    private void failIfAsked() {
        if (failing) {
            throw new ChatStorageException("store is down (test)");
        }
    }
}
