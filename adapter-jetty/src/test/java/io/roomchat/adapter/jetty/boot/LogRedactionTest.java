package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.roomchat.adapter.jetty.logging.RedactingPatternLayout;
import io.roomchat.testkit.protocol.WsTestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No access token reaches the log, whoever writes the line: with every logger at DEBUG (Jetty's included, which
 * logs request URIs), accepted and refused upgrades by query and by header leave no trace of the tokens.
 */
class LogRedactionTest {

    /** Formats each event with the production layout and keeps the text. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {
        private final StringBuilder text = new StringBuilder();
        private final RedactingPatternLayout layout = new RedactingPatternLayout();

        Capture(LoggerContext context) {
            setContext(context);
            layout.setContext(context);
            layout.setPattern("%level %logger - %msg%n%ex");
            layout.start();
        }

        @Override
        protected synchronized void append(ILoggingEvent event) {
            text.append(layout.doLayout(event));
        }

        synchronized String text() {
            return text.toString();
        }
    }

    @Test
    void tokens_never_appear_in_the_log() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger jetty = context.getLogger("org.eclipse.jetty");
        Level rootLevel = root.getLevel();
        Level jettyLevel = jetty.getLevel();
        Capture capture = new Capture(context);
        capture.start();
        root.addAppender(capture);
        root.setLevel(Level.DEBUG);
        jetty.setLevel(Level.DEBUG);
        String accepted = TestServer.tokenFor("logged-user");
        String viaHeader = TestServer.tokenFor("header-user");
        String expiredOrForged = accepted.substring(0, accepted.length() - 4) + "AAAA";
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
            root.setLevel(rootLevel);
            jetty.setLevel(jettyLevel);
        }

        String log = capture.text();
        assertThat(log).contains("refused upgrade").contains("io.roomchat.requests");
        for (String token : new String[] {accepted, viaHeader, expiredOrForged}) {
            assertThat(log).doesNotContain(token);
            assertThat(log).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }
}
