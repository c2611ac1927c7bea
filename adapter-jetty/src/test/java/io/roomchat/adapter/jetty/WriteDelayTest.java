package io.roomchat.adapter.jetty;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * With a write delay, the events of a large fan-out wait that long for company before they are written: none
 * arrives sooner, and every member still gets every event once, in posting order, with each reply after the event
 * it answers. A small fan-out is handed to the writers at once.
 */
class WriteDelayTest {
    private static final Duration DELAY = Duration.ofMillis(300);

    @Test
    void events_to_a_large_room_wait_the_write_delay_and_still_arrive_complete_and_in_order() throws Exception {
        int members = WriterHandoff.DELAYED_FAN_OUT;
        int posts = 20;
        Limits limits = Limits.defaults().withFramesPerSecond(10_000, 10_000);
        String room = "room-delay";
        List<WsTestClient> clients = new ArrayList<>();
        try (JettyTestServer chat = JettyTestServer.start(limits, settings -> settings.writeDelay(DELAY))) {
            for (int i = 0; i < members; i++) {
                WsTestClient client = chat.connect("delay-" + i);
                clients.add(client);
                JsonAssert.ok(client.join(room, "Member " + i));
            }
            WsTestClient sender = clients.get(0);
            WsTestClient reader = clients.get(members - 1);
            List<String> texts = IntStream.range(0, posts).mapToObj(i -> "delayed-" + i).toList();

            long sent = System.nanoTime();
            for (String text : texts) {
                sender.sendWithRequestId(frame("onMessage").put("room", room).put("message", text));
            }
            String first = reader.nextEvents(1).get(0).path("message").asText();
            long waited = System.nanoTime() - sent;

            assertThat(Duration.ofNanos(waited)).as("the first event's wait").isGreaterThanOrEqualTo(DELAY);
            assertThat(first).isEqualTo(texts.get(0));
            assertThat(reader.nextEvents(posts - 1)).extracting(event -> event.path("message").asText())
                    .containsExactlyElementsOf(texts.subList(1, posts));
            for (WsTestClient member : clients.subList(0, members - 1)) {
                assertThat(member.nextEvents(posts)).extracting(event -> event.path("message").asText())
                        .containsExactlyElementsOf(texts);
            }
            for (int i = 0; i < posts; i++) {
                JsonAssert.ok(sender.nextReply());
            }
        } finally {
            clients.forEach(WsTestClient::close);
        }
    }

    @Test
    void a_fan_out_below_the_threshold_is_handed_to_the_writers_at_once_and_one_at_it_after_the_delay() {
        // The recording executor never runs the slices, so the connections (nulls here) are never written.
        List<Runnable> handed = new ArrayList<>();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        try {
            WriterHandoff delayed = new WriterHandoff(handed::add, 2, timer, Duration.ofHours(1));

            delayed.write(Collections.nCopies(1, null), WriterHandoff.DELAYED_FAN_OUT - 1);
            assertThat(handed).as("handed over at once").hasSize(1);
            assertThat(timer.getQueue()).isEmpty();

            delayed.write(Collections.nCopies(1, null), WriterHandoff.DELAYED_FAN_OUT);
            assertThat(handed).as("nothing more handed over yet").hasSize(1);
            assertThat(timer.getQueue()).as("waiting for the delay").hasSize(1);

            new WriterHandoff(handed::add, 2, timer, Duration.ZERO)
                    .write(Collections.nCopies(1, null), WriterHandoff.DELAYED_FAN_OUT);
            assertThat(handed).as("no delay: handed over at once").hasSize(2);
        } finally {
            timer.shutdownNow();
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
