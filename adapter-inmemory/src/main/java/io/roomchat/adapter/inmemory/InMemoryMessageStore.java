package io.roomchat.adapter.inmemory;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.port.out.HistorySlice;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Each room's messages in two skip lists, by {@code postedAt} and by {@code seq}, and a global index from message
 * id to where the message lives. A write claims its id lock-free, then holds its room's lock only to take the
 * room's next seq and put the message in both lists, so storage order is seq order; reads take no lock. Only an
 * insert with a client key takes one more lock, shared by such inserts alone. Pages walk a head, tail or
 * descending view, so they cost the page, not the room.
 */
final class InMemoryMessageStore implements MessageStore {
    private final ConcurrentMap<RoomName, RoomLog> rooms = new ConcurrentHashMap<>();
    private final ConcurrentMap<MessageId, Place> places = new ConcurrentHashMap<>();

    /** Which message each author's client key names in a room; guarded by itself. */
    private final Map<ClientKey, MessageId> keys = new HashMap<>();

    private record ClientKey(RoomName room, UserId author, ClientMessageId key) {
    }

    /** Where a message lives; neither part ever changes after the insert. */
    private record Place(RoomName room, Instant postedAt) {
    }

    /** One room's messages; written under its own lock, read without. */
    private static final class RoomLog {
        final ConcurrentSkipListMap<Instant, ChatMessage> byPostedAt = new ConcurrentSkipListMap<>();
        final ConcurrentSkipListMap<Long, ChatMessage> bySeq = new ConcurrentSkipListMap<>();
        /** The seq of the room's latest change; written under the lock. */
        volatile long latestSeq;

        /** Stores {@code message} under the room's next seq, in place of {@code previous} if not null. */
        ChatMessage store(ChatMessage message, ChatMessage previous) {
            ChatMessage stored = message.withSeq(latestSeq + 1);
            latestSeq = stored.seq();
            if (previous != null) {
                bySeq.remove(previous.seq());
            }
            byPostedAt.put(stored.postedAt(), stored);
            bySeq.put(stored.seq(), stored);
            return stored;
        }
    }

    @Override
    public InsertOutcome insert(ChatMessage message) {
        Objects.requireNonNull(message, "message");
        Place place = new Place(message.room(), message.postedAt());
        if (places.putIfAbsent(message.id(), place) != null) {
            return new InsertOutcome.Taken();
        }
        RoomLog log = room(message.room());
        synchronized (log) {
            if (!log.byPostedAt.containsKey(message.postedAt())) {
                return new InsertOutcome.Stored(log.store(message, null));
            }
        }
        places.remove(message.id(), place);
        return new InsertOutcome.Taken();
    }

    /**
     * Keyed inserts take one lock among themselves, so deciding "no message under this key yet" and storing stay
     * one step; unkeyed inserts never touch a key, so they need not wait for it.
     */
    @Override
    public InsertOutcome insert(ChatMessage message, ClientMessageId key) {
        Objects.requireNonNull(key, "key");
        ClientKey clientKey = new ClientKey(message.room(), message.author(), key);
        synchronized (keys) {
            MessageId original = keys.get(clientKey);
            if (original != null) {
                ChatMessage stored = find(message.room(), room(message.room()).byPostedAt,
                        new MessageRef.ById(original));
                return new InsertOutcome.DuplicateOf(Objects.requireNonNull(stored, "keyed message vanished"));
            }
            InsertOutcome outcome = insert(message);
            if (outcome instanceof InsertOutcome.Stored) {
                keys.put(clientKey, message.id());
            }
            return outcome;
        }
    }

    @Override
    public EditOutcome edit(RoomName room, MessageRef ref, UserId author, MessageChange change, Instant now) {
        RoomLog log = rooms.get(room);
        if (log == null) {
            return new EditOutcome.NotFound();
        }
        synchronized (log) {
            ChatMessage current = find(room, log.byPostedAt, ref);
            EditOutcome outcome = EditOutcome.decide(current, author, change, now);
            if (outcome instanceof EditOutcome.Edited edited) {
                return new EditOutcome.Edited(log.store(edited.message(), current));
            }
            return outcome;
        }
    }

    /** Nothing outlives the process here, so a write is as durable as it gets once it returns. */
    @Override
    public void awaitDurable() {
    }

    @Override
    public HistorySlice page(RoomName room, HistoryCursor cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        RoomLog log = rooms.get(room);
        if (log == null) {
            return new HistorySlice(List.of(), false);
        }
        if (cursor instanceof HistoryCursor.Since since) {
            return firstOf(log.bySeq.tailMap(since.seq(), false), limit, false);
        }
        if (cursor instanceof HistoryCursor.After after) {
            return firstOf(log.byPostedAt.tailMap(after.postedAt(), false), limit, false);
        }
        NavigableMap<Instant, ChatMessage> older = cursor instanceof HistoryCursor.Before before
                ? log.byPostedAt.headMap(before.postedAt(), false)
                : log.byPostedAt;
        return firstOf(older.descendingMap(), limit, true);
    }

    @Override
    public long latestSeq(RoomName room) {
        RoomLog log = rooms.get(room);
        return log == null ? 0 : log.latestSeq;
    }

    private RoomLog room(RoomName room) {
        return rooms.computeIfAbsent(room, name -> new RoomLog());
    }

    private ChatMessage find(RoomName room, NavigableMap<Instant, ChatMessage> history, MessageRef ref) {
        if (ref instanceof MessageRef.ByPostedAt byPostedAt) {
            return history.get(byPostedAt.postedAt());
        }
        MessageId id = ((MessageRef.ById) ref).id();
        Place place = places.get(id);
        if (place == null || !place.room().equals(room)) {
            return null;
        }
        // An insert that lost the race for its time holds a place for a moment: the slot then has another id.
        ChatMessage there = history.get(place.postedAt());
        return there != null && there.id().equals(id) ? there : null;
    }

    /** Up to {@code limit} messages in the view's order and whether one more exists; oldest first in the result. */
    private static HistorySlice firstOf(NavigableMap<?, ChatMessage> view, int limit, boolean newestFirst) {
        List<ChatMessage> page = new ArrayList<>(Math.min(limit, 64));
        Iterator<ChatMessage> walk = view.values().iterator();
        while (walk.hasNext() && page.size() < limit) {
            page.add(walk.next());
        }
        boolean hasMore = walk.hasNext();
        if (newestFirst) {
            Collections.reverse(page);
        }
        return new HistorySlice(page, hasMore);
    }
}
