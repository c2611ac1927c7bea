package io.roomchat.testkit.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A v2 view of a {@link WsTestClient}: events are taken by what they are (a {@code message} of a room, a
 * {@code presence} of a user), while the ones a test is not asking for wait their turn in arrival order, since on a
 * v2 connection presence, typing and read events interleave with messages at times a test does not control.
 */
public final class V2TestClient implements AutoCloseable {
    private final WsTestClient client;
    private final List<JsonNode> waiting = new ArrayList<>();

    V2TestClient(WsTestClient client) {
        this.client = client;
    }

    public WsTestClient raw() {
        return client;
    }

    public JsonNode request(ObjectNode frame) {
        return client.request(frame);
    }

    public JsonNode join(String room, String name) {
        return client.join(room, name);
    }

    public JsonNode post(String room, String message) {
        return client.post(room, message);
    }

    /** The next event of this {@code type}, waiting up to {@link WsTestClient#WAIT}; other events keep waiting. */
    public JsonNode next(String type) {
        return next(type, event -> true);
    }

    /** The next event of this {@code type} that matches, waiting up to {@link WsTestClient#WAIT}. */
    public JsonNode next(String type, Predicate<JsonNode> matching) {
        Predicate<JsonNode> wanted = ofType(type).and(matching);
        Optional<JsonNode> held = takeWaiting(wanted);
        if (held.isPresent()) {
            return held.get();
        }
        while (true) {
            JsonNode event = client.nextEvent();
            if (wanted.test(event)) {
                return event;
            }
            waiting.add(event);
        }
    }

    /** The next {@code count} message events, in arrival order. */
    public List<JsonNode> nextMessages(int count) {
        List<JsonNode> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(next("message"));
        }
        return messages;
    }

    /** Every event of this {@code type} that arrives within {@code quiet} (or waits already), in arrival order. */
    public List<JsonNode> drain(String type, Duration quiet) {
        Optional<JsonNode> arrived;
        while ((arrived = client.eventWithin(quiet)).isPresent()) {
            waiting.add(arrived.get());
        }
        List<JsonNode> taken = new ArrayList<>();
        Optional<JsonNode> held;
        while ((held = takeWaiting(ofType(type))).isPresent()) {
            taken.add(held.get());
        }
        return taken;
    }

    /** Every frame received so far, replies and events, in arrival order. */
    public List<JsonNode> received() {
        return client.received();
    }

    @Override
    public void close() {
        client.close();
    }

    private static Predicate<JsonNode> ofType(String type) {
        return event -> type.equals(event.path("type").asText());
    }

    private Optional<JsonNode> takeWaiting(Predicate<JsonNode> wanted) {
        for (Iterator<JsonNode> held = waiting.iterator(); held.hasNext(); ) {
            JsonNode event = held.next();
            if (wanted.test(event)) {
                held.remove();
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
