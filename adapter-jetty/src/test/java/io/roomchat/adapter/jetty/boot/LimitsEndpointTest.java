package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.core.domain.Limits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits are stated once, in the core: the flags' defaults come from there, and the page reads the server's. */
class LimitsEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void get_limits_reports_the_limits_this_server_runs_with() throws Exception {
        try (TestServer server = TestServer.start(Map.of("CHAT_HISTORY_PAGE_MAX", "20",
                "CHAT_MAX_MESSAGE_CHARS", "500"))) {
            JsonNode limits = JSON.readTree(server.get("/limits").body());

            assertThat(limits.path("historyPageMax").asInt()).isEqualTo(20);
            assertThat(limits.path("historyPageDefault").asInt()).as("never above the maximum").isEqualTo(20);
            assertThat(limits.path("maxMessageChars").asInt()).isEqualTo(500);
            assertThat(limits.path("maxFrameBytes").asInt()).isEqualTo(Limits.defaults().maxFrameBytes());
        }
    }

    @Test
    void the_help_shows_the_cores_defaults() {
        StringWriter out = new StringWriter();
        ServerOptions.commandLine(new Main(), Map.of()).setOut(new PrintWriter(out, true)).execute("--help");
        Limits defaults = Limits.defaults();

        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("CHAT_MAX_MESSAGE_CHARS. Default: " + defaults.maxMessageChars())
                .contains("CHAT_HISTORY_PAGE_MAX. Default: " + defaults.historyPageMax())
                .contains("CHAT_OUTBOUND_QUEUE. Default: " + defaults.outboundQueueFrames())
                .contains("CHAT_IDLE_TIMEOUT. Default: " + defaults.idleTimeout());
    }
}
