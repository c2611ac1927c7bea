package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.WsTestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stopping the server (what SIGTERM does) closes every socket with 1001, going away. */
class ShutdownTest {

    @Test
    void stopping_closes_every_socket_with_1001() {
        JettyTestServer chat = JettyTestServer.start(Limits.defaults());
        WsTestClient alice = chat.connect("alice");
        WsTestClient bob = chat.connect("bob");
        JsonAssert.ok(alice.join("room-end", "Alice"));

        chat.close();

        assertThat(alice.awaitClose(Duration.ofSeconds(5))).isEqualTo(1001);
        assertThat(bob.awaitClose(Duration.ofSeconds(5))).isEqualTo(1001);
        assertThat(chat.connections.storedRecords()).isZero();
    }
}
