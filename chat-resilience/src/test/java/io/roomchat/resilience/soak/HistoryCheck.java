package io.roomchat.resilience.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A room's stored history against the acknowledged changes: exactly the acknowledged new messages, in
 * {@code postedAt} order, each as its last acknowledged edit or delete left it.
 */
final class HistoryCheck {
    private final Violations violations;
    private final DeliveryCheck deliveries;
    private final Map<String, List<Change>> postsByRoom;
    private final Map<String, Change> lastChangeByMessage = new HashMap<>();

    HistoryCheck(List<Change> acknowledged, DeliveryCheck deliveries, Violations violations) {
        this.violations = violations;
        this.deliveries = deliveries;
        this.postsByRoom = acknowledged.stream().filter(change -> change.kind() == Change.Kind.POST)
                .sorted(Comparator.comparing(Change::postedAt))
                .collect(Collectors.groupingBy(Change::room));
        // Only a message's author changes it, one request at a time: the latest acknowledged change is the last.
        acknowledged.stream().filter(change -> change.kind() != Change.Kind.POST)
                .sorted(Comparator.comparingLong(Change::ackedNanos))
                .forEach(change -> lastChangeByMessage.put(change.messageId(), change));
    }

    void check(String room, List<JsonNode> history) {
        List<Change> posts = postsByRoom.getOrDefault(room, List.of());
        Set<String> stored = history.stream().map(message -> message.path("messageId").asText())
                .collect(Collectors.toSet());
        Set<String> acknowledged = posts.stream().map(Change::messageId).collect(Collectors.toSet());
        if (stored.size() != history.size()) {
            violations.add(room + " history holds a message twice");
        }
        if (!stored.equals(acknowledged)) {
            violations.add(room + " history differs from the acknowledged messages: missing "
                    + difference(acknowledged, stored) + ", never acknowledged " + difference(stored, acknowledged));
            return;
        }
        for (int i = 0; i < Math.min(history.size(), posts.size()); i++) {
            JsonNode message = history.get(i);
            Change post = posts.get(i);
            Change last = lastChangeByMessage.getOrDefault(post.messageId(), post);
            boolean deleted = last.kind() == Change.Kind.DELETE;
            String modifiedAt = last == post ? post.postedAt() : deliveries.modifiedAtOf(last);
            boolean same = post.messageId().equals(message.path("messageId").asText())
                    && room.equals(message.path("room").asText())
                    && post.userId().equals(message.path("userId").asText())
                    && post.name().equals(message.path("name").asText())
                    && post.postedAt().equals(message.path("postedAt").asText())
                    && Objects.equals(modifiedAt, message.path("modifiedAt").asText())
                    && deleted == message.path("isDeleted").asBoolean(false)
                    && (deleted ? !message.has("message") : last.text().equals(message.path("message").asText()));
            if (!same) {
                violations.add(room + " history #" + i + " is " + message + "; expected " + post.messageId()
                        + " as left by " + last + (modifiedAt == null ? " (whose event nobody received)" : ""));
            }
        }
    }

    private static Set<String> difference(Set<String> from, Set<String> without) {
        return from.stream().filter(id -> !without.contains(id)).limit(10).collect(Collectors.toSet());
    }
}
