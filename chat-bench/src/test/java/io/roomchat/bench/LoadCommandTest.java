package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    @AfterEach
    void stopServers() {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static JsonNode load(String... options) throws Exception {
        LoadCommand command = new LoadCommand();
        new CommandLine(command).parseArgs(concat(new String[] {"--secret", LoopbackNodes.SECRET, "-c", "20",
                "-r", "2", "--rate", "20", "-d", "2", "--warmup", "0", "--drain", "10", "--progress", "60"},
                options));
        return JSON.readTree(command.run().toString());
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
        assertThat(result.get("serverCpuSeconds").asDouble()).isNotNegative();
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
            assertThat(syncs.get("writesPerSync").asDouble()).isGreaterThanOrEqualTo(1.0);
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
