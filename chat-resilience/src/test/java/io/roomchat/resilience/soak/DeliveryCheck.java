package io.roomchat.resilience.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every connection received, against what the server acknowledged. Per connection: every frame is a reply to
 * one of its requests or an event of an acknowledged change, well-formed and as the change made it; no event
 * twice; every change it {@linkplain Stint#mustReceive must} have received is there, and none it
 * {@linkplain Stint#mayReceive could not} have. Per room: all connections saw its events in one order, which is
 * the {@code postedAt} order of its new messages.
 */
final class DeliveryCheck {
    private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    private final Map<String, Change> changes = new HashMap<>();
    /** Each room's changes in the order they were sent. */
    private final Map<String, List<Change>> bySendTime = new HashMap<>();
    private final Violations violations;
    /** Per room, "a came right before b" for some connection, or for new messages in postedAt order. */
    private final Map<String, Map<String, Set<String>>> before = new HashMap<>();
    /** The modifiedAt each change's event carried, by event key. */
    private final Map<String, String> modifiedAt = new HashMap<>();
    private int received;
    private int required;

    DeliveryCheck(List<Change> acknowledged, Violations violations) {
        this.violations = violations;
        for (Change change : acknowledged) {
            if (changes.put(change.eventKey(), change) != null) {
                violations.add("two acknowledged changes make the same event " + change.eventKey());
            }
        }
        orderNewMessagesByPostedAt(acknowledged);
        for (Change change : acknowledged) {
            bySendTime.computeIfAbsent(change.room(), r -> new ArrayList<>()).add(change);
        }
        bySendTime.values().forEach(list -> list.sort(Comparator.comparingLong(Change::sentNanos)));
    }

    void check(List<Observed> connections) {
        for (Observed connection : connections) {
            checkConnection(connection);
        }
        checkOneOrderPerRoom();
    }

    int received() {
        return received;
    }

    int required() {
        return required;
    }

    /** The {@code modifiedAt} the event of this change carried, if anyone received it. */
    String modifiedAtOf(Change change) {
        return modifiedAt.get(change.eventKey());
    }

    private void orderNewMessagesByPostedAt(List<Change> acknowledged) {
        Map<String, List<Change>> posts = new HashMap<>();
        acknowledged.stream().filter(change -> change.kind() == Change.Kind.POST)
                .forEach(post -> posts.computeIfAbsent(post.room(), r -> new ArrayList<>()).add(post));
        posts.forEach((room, list) -> {
            list.sort(Comparator.comparing(Change::postedAt));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).postedAt().equals(list.get(i - 1).postedAt())) {
                    violations.add("two messages in " + room + " share postedAt " + list.get(i).postedAt());
                }
                precedes(room, list.get(i - 1).eventKey(), list.get(i).eventKey());
            }
        });
    }

    private void checkConnection(Observed connection) {
        int replies = 0;
        Set<String> seen = new HashSet<>();
        Map<String, String> lastInRoom = new HashMap<>();
        Map<String, String> lastPostedAt = new HashMap<>();
        for (JsonNode frame : connection.frames()) {
            if (frame.has("statusCode")) {
                replies++;
                if (frame.path("statusCode").asInt() != 200 || !frame.hasNonNull("requestId")) {
                    violations.add(connection + " got a reply it did not ask for, or a failure: " + frame);
                }
                continue;
            }
            String key = eventKey(connection, frame);
            if (key == null) {
                continue;
            }
            if (!seen.add(key)) {
                violations.add(connection + " received " + key + " twice");
                continue;
            }
            received++;
            Change change = changes.get(key);
            String room = change.room();
            if (connection.stints().stream().noneMatch(stint -> stint.mayReceive(change))) {
                violations.add(connection + " received " + key + " in " + room + " outside any time it could have "
                        + "been in that room");
            }
            String previous = lastInRoom.put(room, key);
            if (previous != null) {
                precedes(room, previous, key);
            }
            if (change.kind() == Change.Kind.POST) {
                String last = lastPostedAt.put(room, change.postedAt());
                if (last != null && last.compareTo(change.postedAt()) >= 0) {
                    violations.add(connection + " received new messages of " + room + " out of postedAt order: "
                            + last + " then " + change.postedAt());
                }
            }
        }
        if (replies != connection.requests()) {
            violations.add(connection + " sent " + connection.requests() + " requests but got " + replies + " replies");
        }
        for (Stint stint : connection.stints()) {
            for (Change change : sentDuring(stint)) {
                if (stint.mustReceive(change)) {
                    required++;
                    if (!seen.contains(change.eventKey())) {
                        violations.add(connection + " missed " + change.eventKey() + " in " + change.room()
                                + ", sent and acknowledged while it was surely in the room");
                    }
                }
            }
        }
    }

    /** The changes of the stint's room sent after its join was acknowledged: the only ones it must receive. */
    private List<Change> sentDuring(Stint stint) {
        List<Change> room = bySendTime.getOrDefault(stint.room(), List.of());
        int low = 0;
        int high = room.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (room.get(middle).sentNanos() <= stint.joinReplied()) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        int end = low;
        while (end < room.size() && room.get(end).sentNanos() < stint.leaveSent()) {
            end++;
        }
        return room.subList(low, end);
    }

    /** The key of the change this event reports, after checking it is that change's event; null if it is none. */
    private String eventKey(Observed connection, JsonNode event) {
        String messageId = event.path("messageId").asText();
        String postedAt = event.path("postedAt").asText();
        String modified = event.path("modifiedAt").asText();
        boolean deleted = event.path("isDeleted").asBoolean(false);
        if (!ISO_MILLIS.matcher(postedAt).matches() || !ISO_MILLIS.matcher(modified).matches()
                || deleted == event.has("message")) {
            violations.add(connection + " received a malformed event: " + event);
            return null;
        }
        String key;
        if (deleted) {
            key = "delete:" + messageId;
        } else if (modified.equals(postedAt)) {
            key = "post:" + messageId;
        } else {
            key = "edit:" + event.path("message").asText();
        }
        Change change = changes.get(key);
        if (change == null) {
            violations.add(connection + " received an event no acknowledged change explains: " + event);
            return null;
        }
        if (!change.room().equals(event.path("room").asText())
                || !change.userId().equals(event.path("userId").asText())
                || !change.name().equals(event.path("name").asText())
                || !change.messageId().equals(messageId)
                || !change.postedAt().equals(postedAt)
                || (change.text() != null && !change.text().equals(event.path("message").asText()))
                || modified.compareTo(postedAt) < 0) {
            violations.add(connection + " received " + key + " unlike its change " + change + ": " + event);
        }
        modifiedAt.put(key, modified);
        return key;
    }

    private void precedes(String room, String first, String second) {
        before.computeIfAbsent(room, r -> new HashMap<>()).computeIfAbsent(first, k -> new HashSet<>()).add(second);
    }

    /** Kahn's algorithm on each room's "came before" graph: a cycle means two members saw different orders. */
    private void checkOneOrderPerRoom() {
        before.forEach((room, edges) -> {
            Map<String, Integer> incoming = new LinkedHashMap<>();
            edges.forEach((from, tos) -> {
                incoming.putIfAbsent(from, 0);
                tos.forEach(to -> incoming.merge(to, 1, Integer::sum));
            });
            Deque<String> ready = new ArrayDeque<>();
            incoming.forEach((key, count) -> {
                if (count == 0) {
                    ready.add(key);
                }
            });
            int ordered = 0;
            while (!ready.isEmpty()) {
                String key = ready.poll();
                ordered++;
                for (String next : edges.getOrDefault(key, Set.of())) {
                    if (incoming.merge(next, -1, Integer::sum) == 0) {
                        ready.add(next);
                    }
                }
            }
            if (ordered != incoming.size()) {
                violations.add("members of " + room + " saw its events in different orders ("
                        + (incoming.size() - ordered) + " events caught in a cycle)");
            }
        });
    }
}
