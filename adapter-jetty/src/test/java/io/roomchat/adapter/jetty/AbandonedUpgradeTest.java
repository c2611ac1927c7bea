package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.RawWebSocket;
import io.roomchat.testkit.protocol.WsTestClient;
import org.junit.jupiter.api.Test;

/**
 * A client that leaves after sending its upgrade request, before reading the 101, has its token checked (and a
 * record made) but its socket never opens: the record must not outlive it.
 */
class AbandonedUpgradeTest {
    private static final int CLIENTS = 20;

    @Test
    void clients_that_leave_before_the_upgrade_completes_leave_no_record_behind() throws Exception {
        // Every client comes from one address, faster than the server may see them go: the per-address limit is
        // not what this test is about (ConnectionLimitsTest is).
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults(),
                settings -> settings.maxPendingPerAddress(2 * CLIENTS))) {
            for (int i = 0; i < CLIENTS; i++) {
                // A reset: the server's 101 then fails to go out, rather than landing in a socket nobody reads.
                RawWebSocket.abandonUpgrade(chat.endpoint(), JettyTestServer.tokenFor("resets-" + i), true);
                RawWebSocket.abandonUpgrade(chat.endpoint(), JettyTestServer.tokenFor("closes-" + i), false);
            }

            Eventually.await(() -> chat.connections.addedRecords() == 2 * CLIENTS);
            assertThat(chat.connections.addedRecords()).as("tokens checked").isEqualTo(2 * CLIENTS);
            Eventually.await(() -> chat.connections.storedRecords() == 0 && chat.healthConnections() == 0);
            assertThat(chat.connections.storedRecords()).as("records left in the store").isZero();
            assertThat(chat.healthConnections()).as("connections on /health").isZero();

            try (WsTestClient after = chat.connect("after")) {
                JsonAssert.ok(after.join("room-after", "After"));
                assertThat(chat.connections.storedRecords()).isEqualTo(1);
                assertThat(chat.healthConnections()).isEqualTo(1);
            }
        }
    }
}
