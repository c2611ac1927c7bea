package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.RawWebSocket;
import io.roomchat.testkit.protocol.WsTestClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server pings; a client that answers stays, a silent one is closed (1001) after the idle timeout. */
class KeepAliveTest {
    private static JettyTestServer chat;

    @BeforeAll
    static void start() {
        chat = JettyTestServer.start(Limits.defaults().withIdleTimeout(Duration.ofSeconds(1)),
                settings -> settings.pingInterval(Duration.ofMillis(200)));
    }

    @AfterAll
    static void stop() {
        chat.close();
    }

    @Test
    void a_client_that_never_answers_pings_is_closed_with_1001_after_the_idle_timeout() throws Exception {
        try (RawWebSocket silent = RawWebSocket.connect(chat.endpoint(), JettyTestServer.tokenFor("silent"), 65_536)) {
            long started = System.nanoTime();
            RawWebSocket.Frame frame;
            int pings = 0;
            do {
                frame = silent.readFrame();
                if (frame.opcode() == 0x9) {
                    pings++;
                }
            } while (frame.opcode() != 0x8);
            long waited = (System.nanoTime() - started) / 1_000_000;

            assertThat(pings).isPositive();
            assertThat(frame.closeCode()).isEqualTo(1001);
            assertThat(waited).isBetween(900L, 5_000L);
        }
    }

    @Test
    void a_client_that_answers_pings_stays_connected_past_the_idle_timeout() throws InterruptedException {
        try (WsTestClient quiet = chat.connect("quiet")) {
            Thread.sleep(2_500);

            assertThat(quiet.isClosedByServer()).isFalse();
            JsonAssert.ok(quiet.join("room-quiet", "Quiet"));
        }
    }
}
