package io.roomchat.adapter.jdbc;

import static io.roomchat.adapter.jdbc.H2Files.update;
import static io.roomchat.adapter.jdbc.H2Files.withDatabase;
import static io.roomchat.adapter.jdbc.H2Files.withMemoryDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcChatStorageTest {
    private static final RoomName ROOM = new RoomName("general");

    @TempDir
    Path dataDir;

    private static List<ChatMessage> latest(MessageStore store, RoomName room) {
        return store.page(room, HistoryCursor.latest(), 100).messages();
    }

    @Test
    void opening_again_finds_the_messages() {
        ChatMessage message = StorageProcess.message(ROOM, 0);
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            storage.messageStore().insert(message);
        }
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            assertThat(latest(storage.messageStore(), ROOM)).containsExactly(message.withSeq(1));
        }
    }

    @Test
    void every_sync_on_the_file_is_reported_with_the_writes_it_made_durable() throws Exception {
        AtomicLong syncs = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        int writers = 8;
        int each = 25;
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir, (covered, took) -> {
            syncs.incrementAndGet();
            writes.addAndGet(covered);
            nanos.addAndGet(took);
        })) {
            MessageStore store = storage.messageStore();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    RoomName room = new RoomName("synced-" + w);
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            store.insert(StorageProcess.message(room, i));
                            store.awaitDurable();
                        }
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        assertThat(writes).as("every write made durable by exactly one sync").hasValue(writers * each);
        assertThat(syncs.get()).isBetween(1L, (long) writers * each);
        assertThat(nanos.get()).isPositive();
    }

    @Test
    void an_acknowledged_insert_survives_the_process_being_killed_right_after() throws Exception {
        RoomName room = new RoomName("crash-" + UUID.randomUUID());
        int count = 20;

        Process writer = StorageProcess.start("crash", dataDir.toString(), room.value(), String.valueOf(count));

        assertThat(StorageProcess.awaitExit(writer)).isZero();
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            assertThat(latest(storage.messageStore(), room)).containsExactlyElementsOf(
                    IntStream.range(0, count).mapToObj(i -> StorageProcess.message(room, i).withSeq(i + 1)).toList());
        }
    }

    @Test
    void every_insert_acknowledged_by_concurrent_writers_survives_the_process_being_killed_mid_stream()
            throws Exception {
        String rooms = "kill-" + UUID.randomUUID();
        Process writers = StorageProcess.start("ack", dataDir.toString(), rooms, "8");
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writers.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 400 && (line = out.readLine()) != null) {
                acknowledged.add(line);
            }
            // SIGKILL through the handle, which leaves the pipe open: what was printed before it counts too.
            writers.toHandle().destroyForcibly();
            while ((line = out.readLine()) != null) {
                acknowledged.add(line);
            }
        }
        StorageProcess.awaitExit(writers);

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(400);
        // The storage's open replays the write-ahead log into the file, where the last acknowledged writes may be.
        JdbcChatStorage.h2File(dataDir).close();
        List<String> stored = withDatabase(dataDir, connection -> {
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT message_id FROM messages WHERE room LIKE '" + rooms + "-%'")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
        assertThat(stored).containsAll(acknowledged.stream()
                .map(ack -> ack.split(" "))
                .map(ack -> StorageProcess.message(new RoomName(ack[1]), Integer.parseInt(ack[2])).id().value())
                .toList());
    }

    @Test
    void the_data_directory_and_the_database_file_it_creates_are_readable_by_their_owner_only() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path created = dataDir.resolve("new").resolve("chat-data");
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(created)) {
            storage.messageStore().insert(StorageProcess.message(ROOM, 0));
        }
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(created)) {
            assertThat(latest(storage.messageStore(), ROOM)).hasSize(1);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(created)) {
            assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------"));
        }
    }

    @Test
    void a_directory_another_process_has_open_is_refused_with_a_clear_error() throws Exception {
        Process holder = StorageProcess.start("hold", dataDir.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo(StorageProcess.OPEN);

            assertThatThrownBy(() -> JdbcChatStorage.h2File(dataDir))
                    .isInstanceOf(ChatStorageException.class)
                    .hasMessageContaining("in use by another process");
        } finally {
            holder.getOutputStream().close();
        }
        assertThat(StorageProcess.awaitExit(holder)).isZero();
        JdbcChatStorage.h2File(dataDir).close();
    }

    @Test
    void a_directory_already_open_in_this_process_is_refused_and_the_first_storage_keeps_working() {
        try (JdbcChatStorage first = JdbcChatStorage.h2File(dataDir)) {
            assertThatThrownBy(() -> JdbcChatStorage.h2File(dataDir))
                    .isInstanceOf(ChatStorageException.class)
                    .hasMessageContaining("already open in this process");

            assertThat(first.messageStore().insert(StorageProcess.message(ROOM, 0)))
                    .isInstanceOf(InsertOutcome.Stored.class);
        }
        JdbcChatStorage.h2File(dataDir).close();
    }

    @Test
    void a_closed_storage_fails_every_call_with_a_storage_exception() {
        JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir);
        MessageStore store = storage.messageStore();
        ChatMessage message = StorageProcess.message(ROOM, 0);
        store.insert(message);

        storage.close();
        storage.close();

        assertThatThrownBy(() -> store.insert(StorageProcess.message(ROOM, 1)))
                .isInstanceOf(ChatStorageException.class);
        assertThatThrownBy(() -> latest(store, ROOM)).isInstanceOf(ChatStorageException.class);
        assertThatThrownBy(() -> store.edit(ROOM, new MessageRef.ById(message.id()), message.author(),
                new MessageChange.Erase(), message.postedAt())).isInstanceOf(ChatStorageException.class);
        assertThatThrownBy(() -> storage.roomBans().ban(ROOM, message.author(), StorageProcess.T0))
                .isInstanceOf(ChatStorageException.class);
        assertThatThrownBy(() -> storage.roomBans().bannedUntil(ROOM, message.author(), StorageProcess.T0))
                .isInstanceOf(ChatStorageException.class);
    }

    @Test
    void a_broken_bans_table_fails_bans_with_a_storage_exception() throws SQLException {
        String name = "no-bans-" + UUID.randomUUID();
        try (JdbcChatStorage storage = JdbcChatStorage.h2InMemory(name)) {
            withMemoryDatabase(name, connection -> update(connection, "DROP TABLE room_bans"));

            assertThatThrownBy(() -> storage.roomBans().ban(ROOM, new UserId("troll"), StorageProcess.T0))
                    .isInstanceOf(ChatStorageException.class).hasCauseInstanceOf(SQLException.class);
            assertThatThrownBy(() -> storage.roomBans().bannedUntil(ROOM, new UserId("troll"), StorageProcess.T0))
                    .isInstanceOf(ChatStorageException.class).hasCauseInstanceOf(SQLException.class);
        }
    }

    @Test
    void a_database_error_surfaces_as_a_storage_exception_that_does_not_show_the_text() throws SQLException {
        String name = "broken-" + UUID.randomUUID();
        try (JdbcChatStorage storage = JdbcChatStorage.h2InMemory(name)) {
            withMemoryDatabase(name, connection -> update(connection, "DROP TABLE messages"));

            assertThatThrownBy(() -> storage.messageStore().insert(StorageProcess.message(ROOM, 0)))
                    .isInstanceOf(ChatStorageException.class)
                    .hasMessageNotContaining("message 0")
                    .hasCauseInstanceOf(SQLException.class);
            assertThatThrownBy(() -> storage.messageStore().edit(ROOM,
                    new MessageRef.ByPostedAt(StorageProcess.T0), new UserId("writer"), new MessageChange.Erase(),
                    StorageProcess.T0)).isInstanceOf(ChatStorageException.class);
        }
    }

    @Test
    void in_memory_databases_of_different_names_are_separate() {
        ChatMessage message = StorageProcess.message(ROOM, 0);
        try (JdbcChatStorage one = JdbcChatStorage.h2InMemory("one-" + UUID.randomUUID());
             JdbcChatStorage two = JdbcChatStorage.h2InMemory("two-" + UUID.randomUUID())) {
            one.messageStore().insert(message);

            assertThat(latest(one.messageStore(), ROOM)).containsExactly(message.withSeq(1));
            assertThat(latest(two.messageStore(), ROOM)).isEmpty();
        }
    }
}
