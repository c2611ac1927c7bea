package io.roomchat.resilience.soak;

import static io.roomchat.testkit.protocol.WsTestClient.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.resilience.Eventually;
import io.roomchat.resilience.LiveServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated person, on one thread: connects, joins, posts, edits and deletes their own messages, switches rooms,
 * reads history, disconnects (politely or by cutting the socket) and comes back, at random from its own seed,
 * until the deadline. It waits for each reply before the next frame and records what the server acknowledged.
 * Every reply must be a 200: the soak stays within every limit, so anything else is a failure.
 */
final class SoakUser implements Runnable {
    private static final int MIN_THINK_MILLIS = 300;
    private static final int MAX_THINK_MILLIS = 2_000;

    private final String userId;
    private final String displayName;
    private final Random random;
    private final LiveServer server;
    private final List<String> rooms;
    private final Ledger ledger;
    private final long deadlineNanos;
    /** This user's live messages per room, which it may edit or delete. */
    private final Map<String, List<Change>> own = new HashMap<>();
    private Session session;
    private int sessions;
    private int texts;
    private long lastRequestSent;

    SoakUser(int number, long seed, LiveServer server, List<String> rooms, Ledger ledger, long deadlineNanos) {
        this.userId = "soak-" + number;
        this.displayName = "User " + number;
        this.random = new Random(seed);
        this.server = server;
        this.rooms = rooms;
        this.ledger = ledger;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void run() {
        try {
            Eventually.sleep(random.nextInt(2_000));
            while (System.nanoTime() < deadlineNanos) {
                if (session == null) {
                    connect();
                } else {
                    act();
                }
                Eventually.sleep(MIN_THINK_MILLIS + random.nextInt(MAX_THINK_MILLIS - MIN_THINK_MILLIS));
            }
            if (session != null) {
                disconnect(false);
            }
        } catch (AssertionError | RuntimeException failure) {
            ledger.failed(userId + " (session " + session + "): " + failure);
            if (session != null) {
                session.disconnecting(lastRequestSent);
                session.client().socket().abort();
            }
        }
    }

    private void connect() {
        session = new Session(userId, ++sessions, server.connect(userId));
        ledger.opened(session);
        join(pick(rooms));
    }

    private void act() {
        if (session.client().isClosedByServer()) {
            throw new AssertionError("the server closed the connection");
        }
        int dice = random.nextInt(100);
        if (dice < 45) {
            post();
        } else if (dice < 60) {
            edit();
        } else if (dice < 67) {
            delete();
        } else if (dice < 77) {
            switchRoom();
        } else if (dice < 85) {
            readHistory();
        } else if (dice < 92) {
            disconnect(false);
        } else if (dice < 95) {
            disconnect(true);
        }
        // else: stay idle for a turn
    }

    private void post() {
        String room = session.room();
        String text = nextText("says");
        ObjectNode frame = frame("onMessage").put("room", room).put("message", text);
        String name = displayName;
        if (random.nextInt(10) == 0) {
            name = displayName + " (away)";
            frame.put("name", name);
        }
        long sent = System.nanoTime();
        JsonNode reply = request(frame);
        Change change = new Change(Change.Kind.POST, room, userId, name, reply.path("messageId").asText(),
                reply.path("postedAt").asText(), text, sent, System.nanoTime());
        ledger.acknowledged(change);
        own.computeIfAbsent(room, r -> new ArrayList<>()).add(change);
    }

    private void edit() {
        Change target = ownMessage();
        if (target == null) {
            post();
            return;
        }
        String text = nextText("edited");
        long sent = System.nanoTime();
        request(reference(target).put("message", text));
        ledger.acknowledged(new Change(Change.Kind.EDIT, target.room(), userId, target.name(), target.messageId(),
                target.postedAt(), text, sent, System.nanoTime()));
    }

    private void delete() {
        Change target = ownMessage();
        if (target == null) {
            return;
        }
        long sent = System.nanoTime();
        request(reference(target).put("isDeleted", true));
        ledger.acknowledged(new Change(Change.Kind.DELETE, target.room(), userId, target.name(),
                target.messageId(), target.postedAt(), null, sent, System.nanoTime()));
        own.get(target.room()).remove(target);
    }

    /** Half by {@code postedAt} and the (untrusted) {@code userId}, as the original client does; half by id. */
    private ObjectNode reference(Change target) {
        ObjectNode frame = frame("onMessage").put("room", target.room());
        if (random.nextBoolean()) {
            return frame.put("postedAt", target.postedAt()).put("userId", userId);
        }
        return frame.put("messageId", target.messageId());
    }

    private void switchRoom() {
        List<String> others = new ArrayList<>(rooms);
        others.remove(session.room());
        join(pick(others));
        ledger.switched();
    }

    private void join(String room) {
        long sent = System.nanoTime();
        request(frame("onJoin").put("room", room).put("name", displayName));
        session.joined(room, sent, System.nanoTime());
    }

    private void readHistory() {
        JsonNode reply = request(frame("onHistory").put("room", session.room()).put("limit", 1 + random.nextInt(30)));
        String previous = "";
        for (JsonNode message : reply.path("messages")) {
            String postedAt = message.path("postedAt").asText();
            if (postedAt.compareTo(previous) <= 0) {
                throw new AssertionError("history page not in postedAt order: " + reply);
            }
            previous = postedAt;
        }
        ledger.readHistory();
    }

    /**
     * Leaves: first one last request (a one-message history read), so the client knows its window in the room
     * closed no later than that request, then a close handshake or, when {@code abort}, a cut socket.
     */
    private void disconnect(boolean abort) {
        request(frame("onHistory").put("room", session.room()).put("limit", 1));
        session.disconnecting(lastRequestSent);
        if (abort) {
            session.client().socket().abort();
        } else {
            session.client().close();
        }
        ledger.closed(abort);
        session = null;
    }

    private JsonNode request(ObjectNode frame) {
        lastRequestSent = System.nanoTime();
        session.requested();
        JsonNode reply = session.client().request(frame);
        ledger.replied((System.nanoTime() - lastRequestSent) / 1000);
        if (reply.path("statusCode").asInt() != 200) {
            throw new AssertionError("expected 200 for " + frame + ", got " + reply);
        }
        return reply;
    }

    private Change ownMessage() {
        List<Change> mine = own.getOrDefault(session.room(), List.of());
        return mine.isEmpty() ? null : mine.get(random.nextInt(mine.size()));
    }

    private String nextText(String verb) {
        return userId + " " + verb + " #" + (++texts);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
