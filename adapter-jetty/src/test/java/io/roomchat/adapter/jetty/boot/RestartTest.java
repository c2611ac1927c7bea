package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.testkit.protocol.WsTestClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History survives a restart: the H2 file is flushed on stop and read back on start. */
class RestartTest {
    @TempDir
    Path dataDir;

    private TestServer start() {
        return TestServer.start(Map.of("CHAT_STORE", "h2", "CHAT_DATA_DIR", dataDir.toString()));
    }

    @Test
    void messages_posted_before_a_restart_are_in_the_history_after_it() {
        String edited;
        try (TestServer first = start();
             WsTestClient alice = WsTestClient.connect(first.webSocket(), TestServer.tokenFor("alice"))) {
            alice.join("room-durable", "Alice");
            edited = alice.post("room-durable", "before the restart").path("postedAt").asText();
            alice.post("room-durable", "and another");
            alice.request(WsTestClient.frame("onMessage").put("room", "room-durable").put("postedAt", edited)
                    .put("message", "before the restart, edited"));
        }

        try (TestServer second = start();
             WsTestClient bob = WsTestClient.connect(second.webSocket(), TestServer.tokenFor("bob"))) {
            bob.join("room-durable", "Bob");
            JsonNode history = bob.history("room-durable");

            List<String> texts = new ArrayList<>();
            history.path("messages").forEach(message -> texts.add(message.path("message").asText()));
            assertThat(texts).containsExactly("before the restart, edited", "and another");
            assertThat(history.path("messages").get(0).path("postedAt").asText()).isEqualTo(edited);
            assertThat(history.path("messages").get(0).path("userId").asText()).isEqualTo("alice");
        }
    }

    @Test
    void a_second_server_on_the_same_data_directory_is_refused_with_a_clear_message() {
        try (TestServer first = start()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(this::start)
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining(dataDir.toAbsolutePath().normalize().toString());
        }
    }
}
