package io.roomchat.adapter.jdbc;

import static io.roomchat.adapter.jdbc.StorageProcess.MODERATOR;
import static io.roomchat.adapter.jdbc.StorageProcess.T0;
import static io.roomchat.adapter.jdbc.StorageProcess.clientKey;
import static io.roomchat.adapter.jdbc.StorageProcess.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRecoveryTest {
    private static final RoomName ROOM = new RoomName("recovered");
    private static final UserId WRITER = new UserId("writer");

    @TempDir
    Path dataDir;

    private static List<ChatMessage> all(MessageStore store, RoomName room) {
        return all(store, room, 1000);
    }

    private static List<ChatMessage> all(MessageStore store, RoomName room, int limit) {
        return store.page(room, HistoryCursor.latest(), limit).messages();
    }

    /** What {@code changes ROOM count} of {@link StorageProcess} leaves, in postedAt order. */
    private static List<ChatMessage> expectedChanges(RoomName room, int count) {
        List<ChatMessage> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(message(room, i).withSeq(i + 1));
        }
        long seq = count;
        for (int i = 1; i < count; i += 3) {
            expected.set(i, expected.get(i).apply(new MessageChange.Replace(new MessageText("edited " + i)),
                    T0.plusSeconds(60)).withSeq(++seq));
        }
        for (int i = 2; i < count; i += 3) {
            MessageChange erase = i % 2 == 0 ? new MessageChange.Erase() : new MessageChange.ModeratorErase(MODERATOR);
            expected.set(i, expected.get(i).apply(erase, T0.plusSeconds(60)).withSeq(++seq));
        }
        return expected;
    }

    @Test
    void every_acknowledged_post_edit_and_delete_of_a_killed_process_is_there_after_reopening() throws Exception {
        int count = 60;
        Process writer = StorageProcess.start("changes", dataDir.toString(), ROOM.value(), String.valueOf(count));
        assertThat(StorageProcess.awaitExit(writer)).isZero();
        assertThat(LogSegments.list(dataDir)).as("the log, never checkpointed").isNotEmpty();
        // A crash in the middle of an append leaves part of a record at the end.
        Path last = LogSegments.list(dataDir).get(LogSegments.list(dataDir).size() - 1);
        Files.write(last, new byte[] {0, 0, 1, 0, 42}, StandardOpenOption.APPEND);

        List<ChatMessage> expected = expectedChanges(ROOM, count);
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            MessageStore store = storage.messageStore();
            assertThat(all(store, ROOM)).containsExactlyElementsOf(expected);
            long latest = expected.stream().mapToLong(ChatMessage::seq).max().orElseThrow();
            assertThat(store.latestSeq(ROOM)).isEqualTo(latest);
            assertThat(LogSegments.list(dataDir)).as("replayed, checkpointed and deleted at open: only the new log's")
                    .allSatisfy(segment -> assertThat(segment).isEmptyFile());
            // The keys came back with their rows: a resend is the original, not a second message.
            assertThat(store.insert(message(ROOM, 4).withSeq(0), clientKey(4)))
                    .isEqualTo(new InsertOutcome.DuplicateOf(expected.get(4)));

            InsertOutcome next = store.insert(message(ROOM, count));
            assertThat(next).isEqualTo(new InsertOutcome.Stored(message(ROOM, count).withSeq(latest + 1)));
        }
    }

    @Test
    void every_insert_acknowledged_while_checkpoints_rotate_and_delete_segments_survives_a_kill() throws Exception {
        String rooms = "rotating-" + UUID.randomUUID();
        Process writers = StorageProcess.start("ack-checkpointing", dataDir.toString(), rooms, "8");
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writers.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 1500 && (line = out.readLine()) != null) {
                acknowledged.add(line);
            }
            writers.toHandle().destroyForcibly();
            while ((line = out.readLine()) != null) {
                acknowledged.add(line);
            }
        }
        StorageProcess.awaitExit(writers);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(1500);
        assertThat(LogSegments.number(LogSegments.list(dataDir).get(0)))
                .as("segments rotated out, checkpointed and deleted while it ran").isGreaterThan(10);

        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            MessageStore store = storage.messageStore();
            for (int w = 0; w < 8; w++) {
                RoomName room = new RoomName(rooms + "-" + w);
                List<String> stored = all(store, room, 100_000).stream().map(m -> m.id().value()).toList();
                List<String> acked = acknowledged.stream().map(ack -> ack.split(" "))
                        .filter(ack -> ack[1].equals(room.value()))
                        .map(ack -> message(room, Integer.parseInt(ack[2])).id().value()).toList();
                assertThat(stored).as(room.value()).containsAll(acked);
                assertThat(store.latestSeq(room)).as("the next post takes the next seq").isEqualTo(stored.size());
            }
        }
    }

    @Test
    void replaying_a_log_twice_is_replaying_it_once() throws Exception {
        int count = 30;
        Process writer = StorageProcess.start("changes", dataDir.toString(), ROOM.value(), String.valueOf(count));
        assertThat(StorageProcess.awaitExit(writer)).isZero();
        Path copies = Files.createDirectory(dataDir.resolve("copies"));
        for (Path segment : LogSegments.list(dataDir)) {
            Files.copy(segment, copies.resolve(segment.getFileName()));
        }
        JdbcChatStorage.h2File(dataDir).close();
        // As after a crash between the checkpoint and the deletes: the same segments, over what they made.
        for (Path segment : LogSegments.list(copies)) {
            Files.copy(segment, dataDir.resolve(segment.getFileName()));
        }

        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            assertThat(all(storage.messageStore(), ROOM)).containsExactlyElementsOf(expectedChanges(ROOM, count));
            assertThat(storage.messageStore().latestSeq(ROOM)).isEqualTo(count + 20);
        }
    }

    @Test
    void a_record_is_applied_over_an_older_row_and_not_over_a_newer_one_in_whatever_order() throws Exception {
        ChatMessage first = message(ROOM, 0).withSeq(1);
        ChatMessage second = message(ROOM, 1).withSeq(2);
        ChatMessage secondEdited = second.apply(new MessageChange.Replace(new MessageText("second, edited")),
                T0.plusSeconds(2)).withSeq(3);
        ChatMessage firstEdited = first.apply(new MessageChange.Replace(new MessageText("first, edited")),
                T0.plusSeconds(3)).withSeq(4);
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            MessageStore store = storage.messageStore();
            store.insert(message(ROOM, 0));
            store.insert(message(ROOM, 1));
            store.edit(ROOM, new MessageRef.ById(second.id()), WRITER,
                    new MessageChange.Replace(new MessageText("second, edited")), T0.plusSeconds(2));
        }
        // The database holds first at seq 1 and second edited at seq 3; room_seqs is at 3. The log: first's edit
        // (newer than its row), second's insert (older than its row), first's insert (older than the edit replayed
        // before it), and a third message the database lacks.
        ChatMessage third = message(ROOM, 2).withSeq(5);
        writeSegment(1, new MessageRow(firstEdited, null), new MessageRow(second, null),
                new MessageRow(first, null));
        writeSegment(2, new MessageRow(third, clientKey(2)));

        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            MessageStore store = storage.messageStore();
            assertThat(all(store, ROOM)).containsExactly(firstEdited, secondEdited, third);
            assertThat(store.latestSeq(ROOM)).isEqualTo(5);
            assertThat(store.insert(message(ROOM, 3))).isEqualTo(new InsertOutcome.Stored(message(ROOM, 3).withSeq(6)));
        }
    }

    @Test
    void a_room_the_database_has_never_seen_gets_its_counter_from_the_log() throws Exception {
        RoomName fresh = new RoomName("only-in-the-log");
        JdbcChatStorage.h2File(dataDir).close();
        writeSegment(7, new MessageRow(message(fresh, 0).withSeq(1), null),
                new MessageRow(message(fresh, 1).withSeq(2), null));

        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            assertThat(all(storage.messageStore(), fresh)).hasSize(2);
            assertThat(storage.messageStore().insert(message(fresh, 2)))
                    .isEqualTo(new InsertOutcome.Stored(message(fresh, 2).withSeq(3)));
        }
    }

    @Test
    void closing_checkpoints_and_deletes_the_log() throws IOException {
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir, SyncObserver.none(),
                StorageProcess.NO_CHECKPOINT)) {
            storage.messageStore().insert(message(ROOM, 0));
            storage.messageStore().awaitDurable();
            assertThat(segments()).hasSize(1).allSatisfy(segment -> assertThat(segment).isNotEmptyFile());
            if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(segments().get(0))))
                        .as("readable by the server's user only").isEqualTo("rw-------");
            }
        }

        assertThat(segments()).isEmpty();
    }

    private List<Path> segments() {
        try {
            return LogSegments.list(dataDir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void writeSegment(long number, MessageRow... rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (MessageRow row : rows) {
            bytes.write(LogSegments.frame(row.encode()));
        }
        Files.write(LogSegments.path(dataDir, number), bytes.toByteArray());
    }
}
