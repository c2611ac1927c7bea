package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.WsTestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A socket does not outlive its token: when the token's {@code exp} passes the server closes it with 4401. */
class TokenExpiryTest {

    @Test
    void a_socket_is_closed_with_4401_when_its_tokens_exp_passes_and_is_forgotten() throws InterruptedException {
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults());
             WsTestClient shortLived = WsTestClient.connect(chat.endpoint(),
                     JettyTestServer.TOKENS.issue("brief", "Brief", Duration.ofSeconds(3)));
             WsTestClient lasting = chat.connect("lasting")) {
            JsonAssert.ok(shortLived.join("room-expiry", "Brief"));
            JsonAssert.ok(lasting.join("room-expiry", "Lasting"));

            assertThat(shortLived.awaitClose(Duration.ofSeconds(15))).isEqualTo(4401);
            Eventually.await(() -> chat.connections.storedRecords() == 1);
            assertThat(chat.server.openConnections()).isEqualTo(1);
            assertThat(chat.connections.storedRecords()).as("forgotten").isEqualTo(1);
            JsonAssert.ok(lasting.post("room-expiry", "still here"));
        }
    }
}
