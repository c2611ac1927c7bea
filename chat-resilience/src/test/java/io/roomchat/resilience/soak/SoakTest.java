package io.roomchat.resilience.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.resilience.Eventually;
import io.roomchat.resilience.FullHistory;
import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 clients in 5 rooms join, post, edit, delete, switch rooms, read history, disconnect and reconnect at random
 * against one server on the H2 store, for {@code -Dsoak.seconds} (60 by default). Then every invariant must hold:
 * see {@link DeliveryCheck} and {@link HistoryCheck}; and {@code /health} must count no connection. The seed is
 * printed and in every failure; {@code -Dsoak.seed=N} replays each user's choices (not the threads' timing).
 */
class SoakTest {
    private static final int USERS = 200;
    private static final List<String> ROOMS = IntStream.rangeClosed(1, 5).mapToObj(i -> "soak-room-" + i).toList();

    @TempDir
    Path dataDir;

    @Test
    void two_hundred_clients_in_five_rooms_get_every_message_once_in_one_order_and_history_matches() throws Exception {
        int seconds = Integer.getInteger("soak.seconds", 60);
        long seed = Long.getLong("soak.seed", System.currentTimeMillis());
        System.out.printf("soak: %d users, %d rooms, %d s, seed %d (replay with -Dsoak.seed=%d)%n",
                USERS, ROOMS.size(), seconds, seed, seed);
        String run = "soak seed " + seed;
        Ledger ledger = new Ledger();
        // The users stand for 200 hosts but all come from 127.0.0.1, and connect at once: the limit on one address's
        // upgrades in progress is set for that many hosts.
        try (LiveServer server = LiveServer.start(Map.of("CHAT_STORE", System.getProperty("soak.store", "h2"),
                "CHAT_DATA_DIR", dataDir.toString(), "CHAT_MAX_PENDING_PER_ADDRESS", String.valueOf(USERS)))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService users = Executors.newFixedThreadPool(USERS);
            for (int i = 1; i <= USERS; i++) {
                users.execute(new SoakUser(i, seed * 31 + i, server, ROOMS, ledger, deadline));
            }
            users.shutdown();
            assertThat(users.awaitTermination(seconds + 180L, TimeUnit.SECONDS)).as(run + ": users finished").isTrue();
            System.out.println("soak: " + ledger.summary());
            long checking = System.nanoTime();
            assertThat(ledger.failures()).as(run + ": what went wrong while the users ran").isEmpty();

            Eventually.equals(0, () -> server.health().connections(), run + ": open connections after the soak");
            Violations violations = new Violations();
            DeliveryCheck deliveries = new DeliveryCheck(ledger.changes(), violations);
            deliveries.check(ledger.sessions().stream().map(Session::observed).toList());
            System.out.printf("soak: %d events received, %d of them required by the connections' windows%n",
                    deliveries.received(), deliveries.required());
            HistoryCheck histories = new HistoryCheck(ledger.changes(), deliveries, violations);
            for (String room : ROOMS) {
                try (WsTestClient reader = server.connect("soak-reader")) {
                    reader.join(room, "Reader");
                    histories.check(room, FullHistory.of(reader, room));
                }
            }
            System.out.printf("soak: checked in %d ms%n", (System.nanoTime() - checking) / 1_000_000);
            assertThat(violations.isEmpty()).as(run + ": " + violations.report()).isTrue();
            Eventually.equals(0, () -> server.health().connections(), run + ": open connections at the end");
            assertThat(server.health().isUp()).isTrue();
        }
    }
}
