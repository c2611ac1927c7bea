package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.adapter.lambda.boot.ConnectHandler;
import io.roomchat.adapter.lambda.boot.FrameHandler;
import io.roomchat.adapter.lambda.boot.FanoutHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** The original logged whole frames and the connect event (with its token); these handlers log neither. */
class LogHygieneTest {
    private static final String TOKEN = "valid-ada.SECRET-TOKEN-PART";
    private static final String TEXT = "the-secret-text-of-a-message";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringWriter trace = new StringWriter();
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(trace));
            }
            logged.add(format.format(record) + trace);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;
    private ManagementApiStub api;

    @BeforeEach
    void captureEverything() throws IOException {
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        api = new ManagementApiStub();
    }

    @AfterEach
    void restore() {
        root.removeHandler(capture);
        root.setLevel(previousLevel);
        api.close();
    }

    @Test
    void no_log_line_carries_a_token_or_a_message_text_even_when_things_fail() {
        Chats chats = new Chats(api);
        ServerlessChat direct = chats.direct();
        ServerlessChat failingBus = chats.builder().snsFanout(new RecordingSns() {
            @Override
            public PublishResponse publish(PublishRequest request) {
                throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
            }
        }, "arn:aws:sns:eu-west-2:123456789012:fanout").build();
        String room = "room-" + java.util.UUID.randomUUID();

        new ConnectHandler(direct).handleRequest(LambdaEvents.connect("conn-a", TOKEN), null);
        new ConnectHandler(direct).handleRequest(LambdaEvents.connect("conn-x", "forged-" + TOKEN), null);
        new FrameHandler(direct).handleRequest(LambdaEvents.frame("onJoin", "conn-a",
                "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Ada\"}"), null);
        api.markGone("conn-a");
        new FrameHandler(direct).handleRequest(LambdaEvents.frame("onMessage", "conn-a",
                "{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"message\":\"" + TEXT + "\"}"), null);
        new ConnectHandler(failingBus).handleRequest(LambdaEvents.connect("conn-b", TOKEN), null);
        new FrameHandler(failingBus).handleRequest(LambdaEvents.frame("onJoin", "conn-b",
                "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Ada\"}"), null);
        new FrameHandler(failingBus).handleRequest(LambdaEvents.frame("onMessage", "conn-b",
                "{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"message\":\"" + TEXT + "\"}"), null);
        new FrameHandler(direct).handleRequest(LambdaEvents.frame("$default", "conn-b", "{" + TEXT), null);
        new FanoutHandler(failingBus).handleRequest(LambdaEvents.snsNotification("{" + TEXT), null);

        assertThat(logged).as("something was logged at all").isNotEmpty();
        assertThat(logged).noneMatch(line -> line.contains("SECRET-TOKEN-PART"));
        assertThat(logged).noneMatch(line -> line.contains(TEXT));
    }
}
