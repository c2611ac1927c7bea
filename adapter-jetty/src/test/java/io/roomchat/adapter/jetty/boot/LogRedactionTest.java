package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.adapter.jetty.logging.LogFormat;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No access token reaches the log, whoever writes the line and in either format: with every logger at DEBUG
 * (Jetty's included, which logs request URIs), accepted and refused upgrades by query and by header leave no trace
 * of the tokens. In JSON, every line is one object and the lines about a socket name it in a field.
 */
class LogRedactionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tokens_never_appear_in_the_log() {
        String log = logOfAScenario(LogFormat.TEXT);

        assertThat(log).contains("refused upgrade").contains("io.roomchat.requests");
        assertNoToken(log);
    }

    @Test
    void json_lines_parse_name_their_connection_and_never_hold_a_token() throws IOException {
        String log = logOfAScenario(LogFormat.JSON);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.isObject()).isTrue())
                .allSatisfy(line -> assertThat(line.has("message") && line.has("level")).isTrue());
        assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText()).contains("refused upgrade"));
        assertThat(lines).filteredOn(line -> line.path("message").asText().matches("connection \\S+ open"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("message").asText())
                        .isEqualTo("connection " + line.path("connectionId").asText() + " open"));
        assertNoToken(log);
    }

    private final List<String> tokens = new ArrayList<>();

    /** Runs upgrades that log with the production encoder of {@code format}, and returns what was written. */
    private String logOfAScenario(LogFormat format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger jetty = context.getLogger("org.eclipse.jetty");
        Level rootLevel = root.getLevel();
        Level jettyLevel = jetty.getLevel();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
        capture.setContext(context);
        capture.setEncoder(format.encoder(context));
        capture.setOutputStream(written);
        capture.start();
        root.addAppender(capture);
        root.setLevel(Level.DEBUG);
        jetty.setLevel(Level.DEBUG);
        String accepted = TestServer.tokenFor("logged-user");
        String viaHeader = TestServer.tokenFor("header-user");
        String expiredOrForged = accepted.substring(0, accepted.length() - 4) + "AAAA";
        tokens.addAll(List.of(accepted, viaHeader, expiredOrForged));
        try (TestServer server = TestServer.start(Map.of())) {
            try (WsTestClient client = WsTestClient.connect(server.webSocket(), accepted)) {
                client.join("room-logs", "Logged");
                client.post("room-logs", "hello");
            }
            try (WsTestClient client = WsTestClient.connect(server.webSocket(),
                    Map.of("Authorization", "Bearer " + viaHeader))) {
                client.join("room-logs", "Header");
            }
            WsTestClient.refusedStatus(WsTestClient.withToken(server.webSocket(), expiredOrForged), Map.of());
        } finally {
            root.detachAppender(capture);
            capture.stop();
            root.setLevel(rootLevel);
            jetty.setLevel(jettyLevel);
        }
        return written.toString(StandardCharsets.UTF_8);
    }

    private void assertNoToken(String text) {
        for (String token : tokens) {
            assertThat(text).doesNotContain(token);
            assertThat(text).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }
}
