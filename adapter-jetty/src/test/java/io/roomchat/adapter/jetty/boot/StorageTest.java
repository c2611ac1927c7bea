package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The room bans each store kind gives the server: the h2 store's outlive a restart, the memory store's do not. */
class StorageTest {
    private static final RoomName ROOM = new RoomName("general");
    private static final UserId USER = new UserId("troll");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    Path dataDir;

    private static Storage open(String store, Path dataDir) {
        return Storage.open(ServerOptions.parse(Map.of("CHAT_STORE", store, "CHAT_DATA_DIR", dataDir.toString())));
    }

    @Test
    void an_h2_stores_ban_outlives_a_restart() throws Exception {
        try (Storage storage = open("h2", dataDir)) {
            storage.roomBans().ban(ROOM, USER, NOW.plusSeconds(600));
        }

        try (Storage restarted = open("h2", dataDir)) {
            assertThat(restarted.roomBans().bannedUntil(ROOM, USER, NOW)).contains(NOW.plusSeconds(600));
        }
    }

    @Test
    void the_memory_stores_bans_last_as_long_as_the_process() throws Exception {
        try (Storage storage = open("memory", dataDir)) {
            storage.roomBans().ban(ROOM, USER, NOW.plusSeconds(600));
            assertThat(storage.roomBans().bannedUntil(ROOM, USER, NOW)).contains(NOW.plusSeconds(600));
        }
        try (Storage restarted = open("memory", dataDir)) {
            assertThat(restarted.roomBans().bannedUntil(ROOM, USER, NOW)).isEmpty();
        }
    }
}
