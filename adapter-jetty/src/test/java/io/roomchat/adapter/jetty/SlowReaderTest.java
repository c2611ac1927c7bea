package io.roomchat.adapter.jetty;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.RawWebSocket;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading must not hold up anyone else: its queue is bounded, and once full it is dropped
 * and leaves the room, while the other members keep getting every message promptly.
 */
class SlowReaderTest {
    private static final int QUEUE_BOUND = 32;
    private static final int BATCH = 50;
    private static final int MAX_BATCHES = 60;
    private static final String TEXT = "z".repeat(3_500);

    @Test
    void a_client_that_stops_reading_is_disconnected_while_the_others_keep_receiving() throws Exception {
        Limits limits = Limits.defaults().withFramesPerSecond(10_000, 10_000).withOutboundQueueFrames(QUEUE_BOUND);
        try (JettyTestServer chat = JettyTestServer.start(limits, settings -> settings.closeGrace(Duration.ofMillis(200)));
             WsTestClient sender = chat.connect("sender");
             WsTestClient fast1 = chat.connect("fast-1");
             WsTestClient fast2 = chat.connect("fast-2");
             RawWebSocket slow = RawWebSocket.connect(chat.endpoint(), JettyTestServer.tokenFor("slow"), 4096)) {
            String room = "room-slow";
            for (WsTestClient member : List.of(sender, fast1, fast2)) {
                JsonAssert.ok(member.join(room, "member"));
            }
            slow.sendText("{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Slow\"}");
            assertThat(slow.readFrame().text()).contains("\"statusCode\":200");
            // From here on the slow client reads nothing.

            long worstBatchMillis = 0;
            int batches = 0;
            while (chat.server.openConnections() == 4 && batches < MAX_BATCHES) {
                long started = System.nanoTime();
                for (int i = 0; i < BATCH; i++) {
                    sender.sendWithRequestId(frame("onMessage").put("room", room).put("message", TEXT));
                }
                for (int i = 0; i < BATCH; i++) {
                    JsonAssert.ok(sender.nextReply());
                }
                for (WsTestClient reader : List.of(sender, fast1, fast2)) {
                    List<JsonNode> events = reader.nextEvents(BATCH);
                    assertThat(events).allMatch(event -> event.path("message").asText().length() == TEXT.length());
                }
                worstBatchMillis = Math.max(worstBatchMillis, (System.nanoTime() - started) / 1_000_000);
                batches++;
            }

            assertThat(chat.server.openConnections()).as("the slow reader was dropped").isEqualTo(3);
            // The socket is dropped at once; its record goes when the core learns of it, a moment later.
            Eventually.await(() -> chat.connections.storedRecords() == 3);
            assertThat(chat.connections.storedRecords()).as("and forgotten").isEqualTo(3);
            assertThat(worstBatchMillis).as("every batch of %d reached everyone within", BATCH).isLessThan(5_000);
            assertThat(slow.drainsToEndOfStream(5_000)).as("the slow reader's socket is closed").isTrue();

            JsonAssert.ok(sender.post(room, "after the drop"));
            assertThat(fast1.nextEvent().path("message").asText()).isEqualTo("after the drop");
        }
    }

    /**
     * The bound holds for replies as for events: a client that keeps asking but stops reading is not kept open
     * with its replies silently thrown away (each frame is owed one), it is disconnected and forgotten.
     */
    @Test
    void a_client_that_keeps_sending_but_stops_reading_is_disconnected_when_its_replies_back_up() throws Exception {
        Limits limits = Limits.defaults().withFramesPerSecond(10_000, 10_000).withOutboundQueueFrames(4);
        try (JettyTestServer chat = JettyTestServer.start(limits, settings -> settings.closeGrace(Duration.ofMillis(200)))) {
            String room = "room-asks";
            try (WsTestClient writer = chat.connect("writer")) {
                JsonAssert.ok(writer.join(room, "Writer"));
                for (int i = 0; i < 100; i++) {
                    JsonAssert.ok(writer.post(room, TEXT));
                }
            }
            try (RawWebSocket asker = RawWebSocket.connect(chat.endpoint(), JettyTestServer.tokenFor("asker"), 4096)) {
                asker.sendText("{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Asker\"}");
                assertThat(asker.readFrame().text()).contains("\"statusCode\":200");
                // From here on it asks for a page of history (about 360 kB) every 20 ms and reads nothing.

                long deadline = System.currentTimeMillis() + 15_000;
                try {
                    while (chat.server.openConnections() > 0 && System.currentTimeMillis() < deadline) {
                        asker.sendText("{\"action\":\"onHistory\",\"room\":\"" + room + "\",\"limit\":100}");
                        Thread.sleep(20);
                    }
                } catch (IOException closedByServer) {
                    // The server cut the connection while the client was still asking: what is expected.
                }

                Eventually.await(() -> chat.connections.storedRecords() == 0);
                assertThat(chat.server.openConnections()).as("the client that stopped reading was dropped").isZero();
                assertThat(chat.connections.storedRecords()).as("and forgotten").isZero();
                assertThat(asker.drainsToEndOfStream(5_000)).as("its socket is closed").isTrue();
            }
        }
    }

    /**
     * The bound holds in bytes too: clients that ask for big history pages and read nothing are dropped once a
     * few megabytes wait for them, long before their queues hold many frames, and the server stays up.
     */
    @Test
    void clients_that_ask_for_big_history_pages_and_read_nothing_are_dropped_by_the_byte_bound() throws Exception {
        Limits limits = Limits.defaults().withFramesPerSecond(10_000, 10_000);
        try (JettyTestServer chat = JettyTestServer.start(limits, settings -> settings.closeGrace(Duration.ofMillis(200)));
             WsTestClient writer = chat.connect("writer")) {
            String room = "room-heavy";
            writeHeavyHistory(writer, room, limits);
            List<RawWebSocket> askers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    RawWebSocket asker = RawWebSocket.connect(chat.endpoint(), JettyTestServer.tokenFor("asker-" + i), 4096);
                    askers.add(asker);
                    asker.sendText("{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Asker\"}");
                    assertThat(asker.readFrame().text()).contains("\"statusCode\":200");
                }
                // From here on each asks for ten full pages (about 24 MB) and reads nothing.
                for (RawWebSocket asker : askers) {
                    try {
                        for (int page = 0; page < 10; page++) {
                            asker.sendText("{\"action\":\"onHistory\",\"room\":\"" + room + "\",\"limit\":100}");
                        }
                    } catch (IOException closedByServer) {
                        // Cut while still asking: what is expected.
                    }
                }

                // A socket is dropped at once; its record goes when the core learns of it, a moment later.
                Eventually.await(() -> chat.server.openConnections() == 1 && chat.connections.storedRecords() == 1);
                assertThat(chat.server.openConnections()).as("only the writer, who reads, is left").isEqualTo(1);
                assertThat(chat.connections.storedRecords()).as("the askers are forgotten").isEqualTo(1);
                try (WsTestClient newcomer = chat.connect("newcomer")) {
                    JsonAssert.ok(newcomer.join(room, "Newcomer"));
                }
                JsonAssert.ok(writer.post(room, "still here"));
            } finally {
                for (RawWebSocket asker : askers) {
                    asker.close();
                }
            }
        }
    }

    /**
     * A dropped client whose close frame cannot go out (it reads nothing, and a big write fills its socket) is cut
     * after the close grace: with no idle timeout of Jetty's on a WebSocket, nothing else would end it.
     */
    @Test
    void a_dropped_client_that_reads_nothing_is_cut_after_the_close_grace() throws Exception {
        Limits limits = Limits.defaults().withFramesPerSecond(10_000, 10_000);
        try (JettyTestServer chat = JettyTestServer.start(limits, settings -> settings.closeGrace(Duration.ofMillis(200)));
             WsTestClient writer = chat.connect("writer")) {
            String room = "room-deaf";
            writeHeavyHistory(writer, room, limits);
            try (RawWebSocket deaf = RawWebSocket.connect(chat.endpoint(), JettyTestServer.tokenFor("deaf"), 4096)) {
                deaf.sendText("{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Deaf\"}");
                assertThat(deaf.readFrame().text()).contains("\"statusCode\":200");
                // Ten pages of about 2.4 MB each, past the byte bound's hard cap: it is dropped, its close frame
                // stuck behind a write it never takes.
                try {
                    for (int page = 0; page < 10; page++) {
                        deaf.sendText("{\"action\":\"onHistory\",\"room\":\"" + room + "\",\"limit\":100}");
                    }
                } catch (IOException closedByServer) {
                    // Cut while still asking: what is expected.
                }
                Eventually.await(() -> chat.server.openConnections() == 1);
                assertThat(chat.server.openConnections()).as("dropped, only the writer left").isEqualTo(1);

                assertThat(writesFailWithin(deaf, Duration.ofSeconds(5))).as("its TCP connection is cut").isTrue();
            }
        }
    }

    /**
     * Joins {@code room} and posts 100 messages of control characters, which are written as six-byte escapes: one
     * history page of them is about 2.4 MB.
     */
    private static void writeHeavyHistory(WsTestClient writer, String room, Limits limits) {
        String heavy = "\u0001".repeat(limits.maxMessageChars() - 1) + "x";
        JsonAssert.ok(writer.join(room, "Writer"));
        for (int i = 0; i < 100; i++) {
            JsonAssert.ok(writer.post(room, heavy));
        }
    }

    /**
     * Writes a text frame's header and then its payload a byte at a time, never finishing it: a server that still
     * reads the socket only waits for the rest (a whole frame would make it act), and one that has cut the
     * connection resets it, so a later write fails.
     */
    private static boolean writesFailWithin(RawWebSocket socket, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            socket.write(new byte[] {(byte) 0x81, (byte) 0xFE, 0x7F, (byte) 0xFF, 1, 2, 3, 4});
            while (System.nanoTime() < deadline) {
                Thread.sleep(50);
                socket.write(new byte[] {'x'});
            }
        } catch (IOException reset) {
            return true;
        }
        return false;
    }
}
