package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.WsTestClient;
import org.junit.jupiter.api.Test;

/** A socket that closes is forgotten at once: its record is removed, so its room no longer delivers to it. */
class DisconnectTest {

    @Test
    void a_closed_socket_leaves_no_record_behind() throws InterruptedException {
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults());
             WsTestClient stays = chat.connect("stays")) {
            JsonAssert.ok(stays.join("room-bye", "Stays"));
            WsTestClient leaves = chat.connect("leaves");
            JsonAssert.ok(leaves.join("room-bye", "Leaves"));
            assertThat(chat.connections.storedRecords()).isEqualTo(2);

            leaves.close();

            Eventually.await(() -> chat.connections.storedRecords() == 1);
            assertThat(chat.connections.storedRecords()).isEqualTo(1);
            assertThat(chat.server.openConnections()).isEqualTo(1);
            JsonAssert.ok(stays.post("room-bye", "still here"));
            assertThat(stays.nextEvent().path("message").asText()).isEqualTo("still here");
        }
    }
}
