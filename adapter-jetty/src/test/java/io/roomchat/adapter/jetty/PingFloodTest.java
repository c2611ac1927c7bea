package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.RawWebSocket;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client that pings without reading: its pings take from its frame budget and their pongs wait in its bounded
 * queue, one at most; past the budget it is closed with 1008 and forgotten, having cost a few pongs, not one per
 * ping.
 */
class PingFloodTest {
    private static final int PONG = 0xA;
    private static final int PINGS = 2_000;

    @Test
    void a_client_that_floods_pings_without_reading_is_closed_with_1008_having_received_at_most_its_burst_of_pongs()
            throws Exception {
        Limits limits = Limits.defaults();
        try (JettyTestServer chat = JettyTestServer.start(limits, settings -> settings.closeGrace(Duration.ofSeconds(5)));
             RawWebSocket flooder = RawWebSocket.connect(chat.endpoint(), JettyTestServer.tokenFor("flooder"), 4096)) {
            Eventually.await(() -> chat.server.openConnections() == 1);
            byte[] ping = RawWebSocket.frame(RawWebSocket.PING, new byte[125]);
            try {
                for (int i = 0; i < PINGS; i++) {
                    flooder.write(ping);
                }
            } catch (IOException closedByServer) {
                // The server cut the connection while the client was still pinging: what is expected.
            }

            int pongs = 0;
            int closeCode = 0;
            try {
                RawWebSocket.Frame frame;
                do {
                    frame = flooder.readFrame();
                    pongs += frame.opcode() == PONG ? 1 : 0;
                } while (frame.opcode() != RawWebSocket.CLOSE);
                closeCode = frame.closeCode();
            } catch (IOException endedWithoutCloseFrame) {
                // Judged by the server's side below.
            }

            Eventually.await(() -> chat.connections.storedRecords() == 0);
            assertThat(chat.server.openConnections()).as("the flooder was dropped").isZero();
            assertThat(chat.connections.storedRecords()).as("and forgotten").isZero();
            assertThat(closeCode).as("close code").isEqualTo(1008);
            // Waiting pongs are dropped with the connection, so fewer may arrive; never one per ping.
            assertThat(pongs).as("pongs answered, of %d pings", PINGS).isLessThanOrEqualTo(limits.frameBurst());
        }
    }

    @Test
    void pings_within_the_budget_are_answered_and_the_connection_stays_usable() throws Exception {
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults());
             RawWebSocket client = RawWebSocket.connect(chat.endpoint(), JettyTestServer.tokenFor("pinger"))) {
            client.write(RawWebSocket.frame(RawWebSocket.PING, "are you there".getBytes()));

            RawWebSocket.Frame pong = client.readFrame();
            assertThat(pong.opcode()).isEqualTo(PONG);
            assertThat(pong.text()).isEqualTo("are you there");
            client.sendText("{\"action\":\"onJoin\",\"room\":\"room-ping\",\"name\":\"Pinger\"}");
            assertThat(client.readFrame().text()).contains("\"statusCode\":200");
        }
    }
}
