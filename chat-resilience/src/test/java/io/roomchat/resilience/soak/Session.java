package io.roomchat.resilience.soak;

import io.roomchat.testkit.protocol.WsTestClient;
import java.util.ArrayList;
import java.util.List;

/** One socket of one soak user, from connect to disconnect: its stints in rooms and what it received. */
final class Session {
    private final String userId;
    private final int serial;
    private final WsTestClient client;
    private final List<Stint> stints = new ArrayList<>();
    private String room;
    private long joinSent;
    private long joinReplied;
    private int requests;

    Session(String userId, int serial, WsTestClient client) {
        this.userId = userId;
        this.serial = serial;
        this.client = client;
    }

    WsTestClient client() {
        return client;
    }

    String room() {
        return room;
    }

    /** A join to {@code newRoom} was sent and acknowledged: the stint in the previous room, if any, ends. */
    void joined(String newRoom, long sent, long replied) {
        if (room != null) {
            stints.add(new Stint(room, joinSent, joinReplied, sent, replied));
        }
        room = newRoom;
        joinSent = sent;
        joinReplied = replied;
    }

    /** The client is disconnecting; {@code lastRequestSent} is when it sent the last request whose reply it saw. */
    void disconnecting(long lastRequestSent) {
        if (room != null) {
            stints.add(new Stint(room, joinSent, joinReplied, lastRequestSent, Long.MAX_VALUE));
            room = null;
        }
    }

    void requested() {
        requests++;
    }

    int requests() {
        return requests;
    }

    List<Stint> stints() {
        return stints;
    }

    /** What the checks need of this session, once it is over. */
    Observed observed() {
        return new Observed(toString(), List.copyOf(stints), requests, client.received());
    }

    @Override
    public String toString() {
        return userId + "/" + serial;
    }
}
