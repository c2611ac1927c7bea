package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.RawWebSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With pings turned off, the server's idle sweep still closes a silent socket (1001) at the idle timeout, and cuts
 * its TCP connection even if it never answers the close; a client that keeps talking stays.
 */
class IdleSweepTest {
    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(600);
    private static JettyTestServer chat;

    @BeforeAll
    static void start() {
        chat = JettyTestServer.start(Limits.defaults().withIdleTimeout(IDLE_TIMEOUT),
                settings -> settings.pingInterval(Duration.ZERO).closeGrace(Duration.ofMillis(200)));
    }

    @AfterAll
    static void stop() {
        chat.close();
    }

    @Test
    void a_silent_client_is_closed_with_1001_at_the_idle_timeout_without_pings() throws Exception {
        try (RawWebSocket silent = RawWebSocket.connect(chat.endpoint(), JettyTestServer.tokenFor("silent"))) {
            long started = System.nanoTime();
            RawWebSocket.Frame frame = silent.readFrame();
            long waited = (System.nanoTime() - started) / 1_000_000;

            assertThat(frame.opcode()).as("the first frame is the close: no ping came").isEqualTo(RawWebSocket.CLOSE);
            assertThat(frame.closeCode()).isEqualTo(1001);
            assertThat(frame.text()).endsWith("idle timeout");
            assertThat(waited).isBetween(IDLE_TIMEOUT.toMillis() - 100, 5_000L);
            Eventually.await(() -> chat.server.openConnections() == 0 && chat.connections.storedRecords() == 0);
            assertThat(chat.connections.storedRecords()).as("its record is gone").isZero();
        }
    }

    @Test
    void a_silent_client_that_never_answers_the_close_is_disconnected() throws Exception {
        try (RawWebSocket silent = RawWebSocket.connect(chat.endpoint(), JettyTestServer.tokenFor("deaf"))) {
            assertThat(silent.readFrame().closeCode()).isEqualTo(1001);
            // It answers nothing: the server ends the TCP connection all the same.

            assertThat(silent.drainsToEndOfStream(5_000)).as("its socket is closed").isTrue();
        }
    }

    @Test
    void a_client_that_keeps_talking_stays_connected_past_the_idle_timeout() throws Exception {
        try (RawWebSocket talker = RawWebSocket.connect(chat.endpoint(), JettyTestServer.tokenFor("talker"))) {
            for (int i = 0; i < 8; i++) {
                talker.sendText("{\"action\":\"onJoin\",\"room\":\"room-talk\",\"name\":\"Talker\"}");
                assertThat(talker.readFrame().text()).contains("\"statusCode\":200");
                Thread.sleep(IDLE_TIMEOUT.toMillis() / 3);
            }

            talker.sendText("{\"action\":\"onJoin\",\"room\":\"room-talk\",\"name\":\"Talker\"}");
            assertThat(talker.readFrame().text()).as("still open after %d ms", IDLE_TIMEOUT.toMillis() * 8 / 3)
                    .contains("\"statusCode\":200");
        }
    }
}
