package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.resilience.Eventually;
import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** A room member on one node, and the checks on what it received: a room's changes by {@code seq}. */
final class Member implements AutoCloseable {
    private static final long PATIENCE_NANOS = Eventually.PATIENCE.toNanos() * 2;
    /** A post waits at most 5 s for a database connection; far above that, the server is stuck. */
    private static final long REPLY_WAIT_NANOS = 60_000_000_000L;

    final String userId;
    final int node;
    final WsTestClient client;

    private Member(String userId, int node, WsTestClient client) {
        this.userId = userId;
        this.node = node;
        this.client = client;
    }

    /** A v2 connection of {@code userId} to node {@code node}, joined to {@code room}. */
    static Member joined(Cluster cluster, int node, String userId, String room) {
        WsTestClient client = WsTestClient.connectV2(cluster.node(node), LiveServer.tokenFor(userId));
        JsonNode reply = client.join(room, userId);
        assertThat(reply.path("statusCode").asInt()).as("join on node %d: %s", node, reply).isEqualTo(200);
        return new Member(userId, node, client);
    }

    /** One v2 member on every node, each a fresh user named {@code <role>-<node>-<random>}, joined to {@code room}. */
    static List<Member> onEveryNode(Cluster cluster, String role, String room) {
        List<Member> members = new ArrayList<>();
        for (int node = 0; node < Cluster.NODES; node++) {
            members.add(joined(cluster, node, role + "-" + node + "-" + UUID.randomUUID(), room));
        }
        return members;
    }

    /** A v1 connection (no subprotocol) of {@code userId} to node {@code node}, joined to {@code room}. */
    static Member joinedV1(Cluster cluster, int node, String userId, String room) {
        WsTestClient client = WsTestClient.connect(cluster.node(node), LiveServer.tokenFor(userId));
        JsonNode reply = client.join(room, userId);
        assertThat(reply.path("statusCode").asInt()).as("v1 join on node %d: %s", node, reply).isEqualTo(200);
        return new Member(userId + " (v1)", node, client);
    }

    /** The same user on another node, resuming {@code room} after the last {@code seq} it saw. */
    static Member resumed(Cluster cluster, int node, String userId, String room, long since) {
        WsTestClient client = WsTestClient.connectV2(cluster.node(node), LiveServer.tokenFor(userId));
        JsonNode reply = client.request(WsTestClient.frame("onJoin").put("room", room).put("name", userId)
                .put("since", since));
        assertThat(reply.path("statusCode").asInt()).as("resume on node %d: %s", node, reply).isEqualTo(200);
        assertThat(reply.path("recovered").asBoolean()).as("resumed, not told to reload: %s", reply).isTrue();
        return new Member(userId, node, client);
    }

    /** Posts {@code text}: the reply, or empty once the server closed the connection (a killed node). */
    Optional<JsonNode> post(String room, String text) {
        return ask(WsTestClient.frame("onMessage").put("room", room).put("message", text));
    }

    /**
     * Sends {@code frame} and waits for the reply that names its {@code requestId} (other threads' replies and
     * events may come first): the reply, or empty once the server closed the connection.
     */
    Optional<JsonNode> ask(ObjectNode frame) {
        String requestId;
        try {
            requestId = client.sendWithRequestId(frame);
        } catch (AssertionError closed) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + REPLY_WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            for (JsonNode received : client.received()) {
                if (requestId.equals(received.path("requestId").asText(null))) {
                    return Optional.of(received);
                }
            }
            if (client.isClosedByServer()) {
                return Optional.empty();
            }
            Eventually.sleep(5);
        }
        throw new AssertionError(this + ": no reply to " + requestId + " within 60 s");
    }

    /** The {@code seq} of every message event received so far, in arrival order. */
    List<Long> seqs() {
        return seqs(client.received());
    }

    static List<Long> seqs(List<JsonNode> frames) {
        List<Long> seqs = new ArrayList<>();
        for (JsonNode frame : frames) {
            if (!frame.has("statusCode") && frame.has("messageId")) {
                seqs.add(frame.path("seq").asLong());
            }
        }
        return seqs;
    }

    /**
     * The {@code seq} of every change stored in {@code room}, read as a client catches up ({@code onHistory since},
     * pages of 100): the truth every member's events are checked against. The member must be in the room.
     */
    List<Long> storedChanges(String room) {
        List<Long> stored = new ArrayList<>();
        long since = 0;
        while (true) {
            JsonNode page = ask(WsTestClient.frame("onHistory").put("room", room).put("since", since)
                    .put("limit", 100)).orElseThrow(() -> new AssertionError(this + ": connection closed"));
            assertThat(page.path("statusCode").asInt()).as("history since %d: %s", since, page).isEqualTo(200);
            page.path("messages").forEach(message -> stored.add(message.path("seq").asLong()));
            if (!page.path("hasMore").asBoolean() || page.path("messages").isEmpty()) {
                return stored;
            }
            since = stored.get(stored.size() - 1);
        }
    }

    /** Waits until every one of {@code expected} has arrived (or the patience ran out; the caller checks). */
    void awaitAll(Collection<Long> expected) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!new TreeSet<>(seqs()).containsAll(expected) && System.nanoTime() < deadline) {
            Eventually.sleep(50);
        }
    }

    /** Received exactly {@code expected}: each once, by {@code seq}, none other. */
    static void assertExactlyInOrder(String who, List<Long> received, Collection<Long> expected) {
        assertThat(received).as("%s: every change once, by seq", who)
                .containsExactlyElementsOf(new TreeSet<>(expected));
    }

    @Override
    public String toString() {
        return userId + " on node " + node;
    }

    @Override
    public void close() {
        client.close();
    }
}
