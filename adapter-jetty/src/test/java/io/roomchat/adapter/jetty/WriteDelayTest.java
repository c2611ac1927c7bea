package io.roomchat.adapter.jetty;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.WsTestClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * With a write delay, events wait that long for company before they are written: none arrives sooner, and every
 * member still gets every event once, in posting order, with each reply after the event it answers.
 */
class WriteDelayTest {
    private static final Duration DELAY = Duration.ofMillis(300);

    @Test
    void events_wait_the_write_delay_and_still_arrive_complete_and_in_order() throws Exception {
        int posts = 50;
        Limits limits = Limits.defaults().withFramesPerSecond(10_000, 10_000);
        try (JettyTestServer chat = JettyTestServer.start(limits, settings -> settings.writeDelay(DELAY));
             WsTestClient sender = chat.connect("delay-sender");
             WsTestClient reader = chat.connect("delay-reader")) {
            String room = "room-delay";
            JsonAssert.ok(sender.join(room, "Sender"));
            JsonAssert.ok(reader.join(room, "Reader"));
            List<String> texts = IntStream.range(0, posts).mapToObj(i -> "delayed-" + i).toList();

            long sent = System.nanoTime();
            for (String text : texts) {
                sender.sendWithRequestId(frame("onMessage").put("room", room).put("message", text));
            }
            List<JsonNode> first = reader.nextEvents(1);
            long waited = System.nanoTime() - sent;

            assertThat(Duration.ofNanos(waited)).as("the first event's wait").isGreaterThanOrEqualTo(DELAY);
            assertThat(first.get(0).path("message").asText()).isEqualTo(texts.get(0));
            assertThat(reader.nextEvents(posts - 1)).extracting(event -> event.path("message").asText())
                    .containsExactlyElementsOf(texts.subList(1, posts));
            assertThat(sender.nextEvents(posts)).extracting(event -> event.path("message").asText())
                    .containsExactlyElementsOf(texts);
            for (int i = 0; i < posts; i++) {
                JsonAssert.ok(sender.nextReply());
            }
        }
    }

    @Test
    void a_write_delay_below_zero_or_above_a_second_is_refused_at_start() {
        for (Duration delay : List.of(Duration.ofMillis(-1), Duration.ofMillis(1_001))) {
            assertThatThrownBy(() -> JettyTestServer.start(Limits.defaults(), settings -> settings.writeDelay(delay)))
                    .as("delay %s", delay)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the write delay must be from 0 to 1000 ms");
        }
    }
}
