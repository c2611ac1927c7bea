package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.core.domain.Limits;
import io.roomchat.adapter.jetty.boot.ChatApplication;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The load command against real servers over loopback, with small numbers: what it counts, not how fast anything
 * is. Every run is 20 connections in 2 rooms posting 20/s (one frame per second per connection, far under the
 * server's budget) for two measured seconds.
 */
class LoadCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoopbackNodes nodes;
    private NodeWsPeer peer;

    @AfterEach
    void stopServers() {
        if (nodes != null) {
            nodes.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    private static JsonNode load(String... options) throws Exception {
        return run(concat(new String[] {"-c", "20", "-r", "2", "--rate", "20", "-d", "2", "--warmup", "0"}, options));
    }

    /** A run with only the secret, drain and progress chosen here. */
    private static JsonNode run(String... options) throws Exception {
        LoadCommand command = new LoadCommand();
        new CommandLine(command).parseArgs(concat(new String[] {"--secret", LoopbackNodes.SECRET, "--drain", "10",
                "--progress", "60"}, options));
        return JSON.readTree(command.run().toString());
    }

    /**
     * A join storm of 30 into one room of 2 posting members (4 posts/s), over 2 s of a 3 s window; the tool takes
     * the presence bound to be {@code toolBound}.
     */
    private JsonNode storm(int toolBound) throws Exception {
        return run("--url", nodes.first().toString(), "--protocol", "v2", "-c", "2", "-r", "1", "--rate", "4",
                "-d", "3", "--warmup", "0", "--storm", "30", "--storm-seconds", "2", "--presence-bound",
                Integer.toString(toolBound));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Everything acknowledged reached all ten members of its room, once, and nothing else was taken for it. */
    private static void assertEveryPostReachedEveryMember(JsonNode result) {
        assertThat(result.get("connected").asInt()).isEqualTo(20);
        assertThat(result.get("posts").asLong()).isPositive();
        assertThat(result.get("acknowledged").asLong()).isEqualTo(result.get("posts").asLong());
        assertThat(result.get("deliveries").asLong()).isEqualTo(result.get("acknowledged").asLong() * 10);
        assertThat(result.get("drained").asBoolean()).isTrue();
        assertThat(result.get("lost").asLong()).isZero();
        assertThat(result.get("duplicated").asLong()).isZero();
        assertThat(result.get("foreignFrames").asLong()).isZero();
        assertThat(result.get("latencyMs").get("count").asLong()).isEqualTo(result.get("deliveries").asLong());
    }

    @Test
    void v2_connections_join_with_the_subprotocol_and_count_presence_apart_from_messages() throws Exception {
        nodes = new LoopbackNodes(1);

        JsonNode result = load("--url", nodes.first().toString(), "--protocol", "v2");

        assertThat(result.get("protocol").asText()).isEqualTo("v2");
        assertEveryPostReachedEveryMember(result);
        // Only a v2 connection receives presence: each of the ten members of a room sees itself and the later ones
        // enter, so a room of ten sends 10 + 9 + ... + 1 = 55 join events. As the run closes its connections, the
        // ones still open may count some leaves too (at most 9 + 8 + ... + 0 = 45 a room).
        assertThat(result.get("otherEvents").get("presence").asLong()).isBetween(2L * 55, 2L * (55 + 45));
        assertThat(result.get("roomOrderViolations").asLong()).isZero();
    }

    @Test
    void typing_runs_beside_posts_and_its_replies_are_never_taken_for_posts() throws Exception {
        nodes = new LoopbackNodes(1);

        JsonNode result = load("--url", nodes.first().toString(), "--protocol", "v2", "--typing-interval", "500");

        // Posts are accounted exactly as without typing: a typing reply taken for a post's would show as a missing
        // acknowledgement, a wrong latency count, or a foreign frame.
        assertEveryPostReachedEveryMember(result);
        assertThat(result.get("typingIntervalMs").asInt()).isEqualTo(500);
        // 20 connections, each typing every 500 ms for 2 s: every one of them types at least once.
        assertThat(result.get("typingSent").asLong()).isGreaterThanOrEqualTo(20);
        assertThat(result.get("typingAcknowledged").asLong()).isEqualTo(result.get("typingSent").asLong());
        assertThat(result.get("typingRefused").size()).isZero();
        // The server forwards at most one typing a connection every 2 s, to the 9 others of its room.
        assertThat(result.get("typingEvents").asLong()).isPositive()
                .isEqualTo(result.get("otherEvents").get("typing").asLong())
                .isLessThanOrEqualTo(result.get("typingSent").asLong() * 9);
    }

    @Test
    void typing_is_refused_on_v1_and_past_the_servers_frame_budget() {
        assertThatThrownBy(() -> load("--typing-interval", "500"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--typing-interval needs --protocol v2: onTyping is a v2 action");
        // 10 typing frames a second plus one post reach the budget of 10 frames/s.
        assertThatThrownBy(() -> load("--protocol", "v2", "--typing-interval", "100"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame budget");
        assertThatThrownBy(() -> load("--protocol", "v2", "--typing-interval", "50"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--typing-interval must be 0 (none) or 100..60000 ms");
    }

    @Test
    void a_join_storm_joins_everyone_and_owes_them_every_later_message() throws Exception {
        nodes = new LoopbackNodes(1, Limits.defaults().withPresenceMaxUsers(10));

        JsonNode result = storm(10);

        assertThat(result.get("storm").asInt()).isEqualTo(30);
        assertThat(result.get("stormJoined").asInt()).isEqualTo(30);
        assertThat(result.get("stormFailed").asInt()).isZero();
        // The last of 30 connections over 2 s is due 1.93 s after the storm's start; it is answered after that.
        assertThat(result.get("stormTookSeconds").asDouble()).isBetween(1.93, 63.0);
        assertThat(result.get("acknowledged").asLong()).isEqualTo(result.get("posts").asLong());
        assertThat(result.get("drained").asBoolean()).isTrue();
        assertThat(result.get("lost").asLong()).isZero();
        assertThat(result.get("stormLost").asLong()).isZero();
        assertThat(result.get("duplicated").asLong()).isZero();
        assertThat(result.get("foreignFrames").asLong()).isZero();
        // The storm's listeners received messages besides the two posting members.
        assertThat(result.get("stormReceived").asLong()).isPositive();
        assertThat(result.get("deliveries").asLong()).isGreaterThan(result.get("acknowledged").asLong() * 2);
        assertThat(result.get("stormLatencyMs").get("count").asLong()).isPositive();
        assertThat(result.get("stormAckLatencyMs").get("count").asLong()).isPositive();
        // The first ten users were announced; none past the bound of 10, which server and tool agree on.
        assertThat(result.get("presenceEvents").asLong()).isGreaterThanOrEqualTo(10)
                .isEqualTo(result.get("otherEvents").get("presence").asLong());
        assertThat(result.get("presenceAfterBound").asLong()).isZero();
    }

    @Test
    void presence_after_the_bound_is_caught_when_the_server_announces_past_it() throws Exception {
        // The server keeps its default bound of 200 while the tool holds it to 10: for the tool, the server ignores
        // the bound, announcing the 11th user on.
        nodes = new LoopbackNodes(1);

        JsonNode result = storm(10);

        assertThat(result.get("stormJoined").asInt()).isEqualTo(30);
        assertThat(result.get("presenceAfterBound").asLong()).isPositive();
    }

    @Test
    void a_storm_is_refused_on_v1_and_past_the_measured_window() {
        assertThatThrownBy(() -> load("--storm", "10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--storm needs --protocol v2: presence is a v2 event");
        assertThatThrownBy(() -> load("--protocol", "v2", "--storm", "10", "--storm-seconds", "3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--storm-seconds must be 1..--duration");
        assertThatThrownBy(() -> load("--protocol", "v2", "--storm", "19990"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--storm must be 0..19980");
    }

    @Test
    void v1_stays_the_default_and_sees_no_typed_frames() throws Exception {
        nodes = new LoopbackNodes(1);

        JsonNode result = load("--url", nodes.first().toString());

        assertThat(result.get("protocol").asText()).isEqualTo("v1");
        assertEveryPostReachedEveryMember(result);
        assertThat(result.get("otherEvents").size()).isZero();
        assertThat(result.has("storeSyncs")).as("the memory store does not sync").isFalse();
    }

    @Test
    void spreads_every_room_over_every_node_and_counts_loss_cluster_wide() throws Exception {
        nodes = new LoopbackNodes(2);

        JsonNode result = load("--target", nodes.targets(), "--protocol", "v2");

        assertThat(result.get("servers")).hasSize(2);
        assertThat(result.get("connectedPerServer").get(0).asInt()).isEqualTo(10);
        assertThat(result.get("connectedPerServer").get(1).asInt()).isEqualTo(10);
        // Posters take turns over each room's members, half of which are on each node: a message reaches all
        // ten members only when the nodes pass posts to each other.
        assertEveryPostReachedEveryMember(result);
    }

    @Test
    void the_result_names_the_commit_and_the_server_jvm_flags() throws Exception {
        nodes = new LoopbackNodes(1);
        long self = ProcessHandle.current().pid();

        JsonNode result = load("--url", nodes.first().toString(), "--commit", "abc1234", "--server-pid",
                Long.toString(self));

        assertThat(result.get("commit").asText()).isEqualTo("abc1234");
        assertThat(result.get("serverJvmFlags").get(Long.toString(self)).isArray()).isTrue();
        assertThat(result.get("loadAverage")).hasSize(2);
        // Sampled at both ends of the window even when the drain ends at once (this process is the "server": busy).
        assertThat(result.get("serverCpuSeconds").asDouble()).isPositive();
        assertThat(result.get("loadAverage").get(1).asDouble()).isPositive();
    }

    /** The Node ws baseline that run-benchmarks.sh measures beside ours (store node-ws) must answer load as ours does. */
    @Test
    void the_node_ws_peer_answers_every_post_and_delivers_it_to_every_member() throws Exception {
        peer = new NodeWsPeer();

        JsonNode result = load("--url", peer.uri().toString(), "--server-pid", Long.toString(peer.pid()));

        assertEveryPostReachedEveryMember(result);
        assertThat(result.get("refused").size()).isZero();
        assertThat(result.get("outOfOrder").asLong()).isZero();
        assertThat(result.get("roomOrderViolations").asLong()).isZero();
        // The CPU figures read /proc/PID/stat, which a node process has as a JVM does (-1 would mean unreadable);
        // its command line has no JVM flags.
        assertThat(result.get("serverCpuSeconds").asDouble()).isNotNegative();
        assertThat(result.get("serverCpuMicrosPerDelivery").asDouble()).isNotNegative();
        assertThat(result.get("serverJvmFlags").get(Long.toString(peer.pid()))).isEmpty();
    }

    @Test
    void on_an_h2_server_the_result_carries_its_syncs_over_the_measured_window(@TempDir Path dataDir)
            throws Exception {
        try (ChatApplication server = ChatApplication.start(Map.of("CHAT_PORT", "0", "CHAT_STORE", "h2",
                "CHAT_DATA_DIR", dataDir.toString(), "CHAT_JWT_SECRET", LoopbackNodes.SECRET), UnaryOperator.identity())) {

            JsonNode result = load("--url", server.server().webSocketUri().toString());

            assertEveryPostReachedEveryMember(result);
            JsonNode syncs = result.get("storeSyncs");
            assertThat(syncs).as("storeSyncs").isNotNull();
            assertThat(syncs.get("syncs").asLong()).isPositive();
            assertThat(syncs.get("writes").asLong()).as("the window's posts, give or take those at its edges")
                    .isBetween(1L, result.get("acknowledged").asLong());
            // Every sync makes at least one write durable; but a sync's time and its writes are two meters, so a
            // reading at either edge of the window may count a sync without its writes (one each edge).
            assertThat(syncs.get("writes").asLong()).as("writes, against syncs less the two edges' reports")
                    .isGreaterThanOrEqualTo(syncs.get("syncs").asLong() - 2);
            assertThat(syncs.get("seconds").asDouble()).as("the time between the two readings").isPositive();
            assertThat(syncs.get("syncsPerSecond").asDouble()).isPositive();
        }
    }

    @Test
    void an_unknown_protocol_is_refused_before_anything_connects() {
        assertThatThrownBy(() -> load("--protocol", "v3"))
                .hasRootCauseMessage("--protocol must be v1 or v2: v3");
    }

    @Test
    void a_target_off_this_machine_is_refused() {
        assertThatThrownBy(() -> load("--target", "ws://127.0.0.1:1/,ws://10.1.2.3:3001/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void a_server_pid_of_zero_is_refused() {
        assertThatThrownBy(() -> load("--server-pid", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--server-pid");
    }
}
