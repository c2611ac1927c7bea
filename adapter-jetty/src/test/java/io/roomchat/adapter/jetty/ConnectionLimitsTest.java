package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.RawWebSocket;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one user or one host may hold of the server: sockets per user id, HTTP connections per address that have not
 * become WebSockets, and the time to send a request's headers.
 */
class ConnectionLimitsTest {
    private static final InetAddress OTHER_HOST = loopback("127.0.0.2");

    private static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int upgradeStatus(JettyTestServer chat, String userId) throws IOException {
        return RawHttp.exchange(chat.endpoint(),
                RawHttp.upgradeRequest(chat.endpoint(), "/?token=" + JettyTestServer.tokenFor(userId))).status();
    }

    @Test
    void the_21st_socket_of_one_user_is_refused_with_429_and_stores_nothing_while_another_user_connects()
            throws Exception {
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults())) {
            List<WsTestClient> alice = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    alice.add(chat.connect("alice"));
                }
                RawHttp.Answer refused = RawHttp.exchange(chat.endpoint(),
                        RawHttp.upgradeRequest(chat.endpoint(), "/?token=" + JettyTestServer.tokenFor("alice")));

                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.body()).isEqualTo("too many connections for this user");
                assertThat(chat.connections.storedRecords()).isEqualTo(20);
                assertThat(chat.server.openConnections()).isEqualTo(20);
                try (WsTestClient bob = chat.connect("bob")) {
                    JsonAssert.ok(bob.join("room-1", "Bob"));
                }
                JsonAssert.ok(alice.get(0).join("room-1", "Alice"));
            } finally {
                alice.forEach(WsTestClient::close);
            }
        }
    }

    @Test
    void a_closed_socket_frees_its_users_slot() throws Exception {
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults(),
                settings -> settings.maxConnectionsPerUser(2))) {
            WsTestClient first = chat.connect("alice");
            try (WsTestClient second = chat.connect("alice")) {
                assertThat(upgradeStatus(chat, "alice")).isEqualTo(429);

                first.close();

                Eventually.await(() -> chat.server.openConnections() == 1);
                try (WsTestClient third = chat.connect("alice")) {
                    JsonAssert.ok(third.join("room-1", "Alice"));
                    assertThat(upgradeStatus(chat, "alice")).isEqualTo(429);
                }
            }
        }
    }

    @Test
    void upgrades_abandoned_before_the_101_free_their_slots() throws Exception {
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults(),
                settings -> settings.maxConnectionsPerUser(2))) {
            for (int i = 0; i < 10; i++) {
                RawWebSocket.abandonUpgrade(chat.endpoint(), JettyTestServer.tokenFor("alice"), i % 2 == 0);
            }
            Eventually.await(() -> chat.connections.addedRecords() >= 2 && chat.connections.storedRecords() == 0);

            try (WsTestClient one = chat.connect("alice"); WsTestClient two = chat.connect("alice")) {
                JsonAssert.ok(one.join("room-1", "Alice"));
                JsonAssert.ok(two.join("room-1", "Alice"));
            }
        }
    }

    @Test
    void a_client_that_does_not_finish_its_request_headers_in_time_is_disconnected() throws Exception {
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults(),
                settings -> settings.headerTimeout(Duration.ofMillis(500)));
             Socket silent = RawHttp.open(chat.endpoint());
             Socket halfSent = RawHttp.open(chat.endpoint());
             Socket trickling = RawHttp.open(chat.endpoint())) {
            String request = RawHttp.upgradeRequest(chat.endpoint(), "/?token=" + JettyTestServer.tokenFor("alice"));
            halfSent.getOutputStream().write(request.substring(0, request.length() / 2).getBytes(StandardCharsets.US_ASCII));

            assertThat(disconnectedWhileTrickling(trickling, request)).as("a client sending a byte every 50 ms").isTrue();
            assertThat(disconnected(halfSent)).as("half an upgrade request").isTrue();
            assertThat(disconnected(silent)).as("a client that sends nothing").isTrue();
        }
    }

    @Test
    void an_open_socket_and_a_finished_request_outlive_the_header_deadline() throws Exception {
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults(),
                settings -> settings.headerTimeout(Duration.ofMillis(300)));
             WsTestClient alice = chat.connect("alice")) {
            // Nothing to wait for but time itself: several deadlines pass without anything to cut.
            Thread.sleep(1_500);

            JsonAssert.ok(alice.join("room-1", "Alice"));
            assertThat(chat.healthConnections()).isEqualTo(1);
        }
    }

    @Test
    void half_sent_upgrades_from_one_address_hit_its_limit_while_other_clients_and_health_still_answer()
            throws Exception {
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults())) {
            List<Socket> attackers = new ArrayList<>();
            try {
                String request = RawHttp.upgradeRequest(chat.endpoint(), "/?token=x");
                byte[] half = request.substring(0, request.length() / 2).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 40; i++) {
                    Socket socket = RawHttp.open(chat.endpoint(), OTHER_HOST);
                    attackers.add(socket);
                    socket.getOutputStream().write(half);
                }
                Eventually.await(() -> closedCount(attackers) == 40 - 16);

                assertThat(closedCount(attackers)).as("connections closed past the limit").isEqualTo(24);
                try (WsTestClient client = chat.connect("bob")) {
                    JsonAssert.ok(client.join("room-1", "Bob"));
                    assertThat(chat.healthConnections()).isEqualTo(1);
                }
            } finally {
                for (Socket socket : attackers) {
                    socket.close();
                }
            }
            // Their closes free the address's count: a whole request from there gets an answer again.
            Eventually.await(() -> answersFrom(chat, OTHER_HOST));
            assertThat(answersFrom(chat, OTHER_HOST)).isTrue();
        }
    }

    @Test
    void a_client_that_opens_its_next_socket_as_soon_as_it_reads_the_101_is_never_over_its_address_limit()
            throws Exception {
        // One unfinished HTTP connection per address: each socket must leave the count before its 101 is sent,
        // or the next upgrade, opened the moment the 101's first bytes are read, may find it still counted.
        int sockets = 200;
        try (JettyTestServer chat = JettyTestServer.start(Limits.defaults(),
                settings -> settings.maxPendingPerAddress(1))) {
            List<Socket> upgraded = new ArrayList<>();
            try {
                for (int i = 0; i < sockets; i++) {
                    Socket socket = RawHttp.open(chat.endpoint());
                    upgraded.add(socket);
                    socket.getOutputStream().write(RawHttp.upgradeRequest(chat.endpoint(), "/?token="
                            + JettyTestServer.tokenFor("quick-" + i)).getBytes(StandardCharsets.US_ASCII));
                    byte[] start = socket.getInputStream().readNBytes(12);
                    assertThat(new String(start, StandardCharsets.US_ASCII)).as("socket %d", i)
                            .isEqualTo("HTTP/1.1 101");
                }
            } finally {
                for (Socket socket : upgraded) {
                    socket.close();
                }
            }
        }
    }

    private static boolean answersFrom(JettyTestServer chat, InetAddress from) {
        try (Socket socket = RawHttp.open(chat.endpoint(), from)) {
            socket.getOutputStream().write(RawHttp.upgradeRequest(chat.endpoint(), "/?token="
                    + JettyTestServer.tokenFor("carol")).getBytes(StandardCharsets.US_ASCII));
            byte[] start = socket.getInputStream().readNBytes(12);
            return new String(start, StandardCharsets.US_ASCII).equals("HTTP/1.1 101");
        } catch (IOException refused) {
            return false;
        }
    }

    private static int closedCount(List<Socket> sockets) {
        return (int) sockets.stream().filter(socket -> closedWithin(socket, 20)).count();
    }

    /** Whether the server ended the connection (end of stream or reset) within {@code millis}. */
    private static boolean closedWithin(Socket socket, int millis) {
        try {
            socket.setSoTimeout(millis);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static boolean disconnected(Socket socket) {
        return closedWithin(socket, (int) WsTestClient.WAIT.toMillis());
    }

    private static boolean disconnectedWhileTrickling(Socket socket, String request) throws InterruptedException {
        long deadline = System.nanoTime() + WsTestClient.WAIT.toNanos();
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % (bytes.length - 4)) {
            try {
                socket.getOutputStream().write(bytes[i]);
            } catch (IOException reset) {
                return true;
            }
            if (closedWithin(socket, 50)) {
                return true;
            }
        }
        return false;
    }
}
