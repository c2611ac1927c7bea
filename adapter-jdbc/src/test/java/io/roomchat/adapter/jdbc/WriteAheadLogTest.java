package io.roomchat.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.MessageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {
    /** Checkpoints only when a segment fills (the period is an hour): 2 KiB segments, 8 KiB in all. */
    private static final WriteAheadLog.Limits SMALL =
            new WriteAheadLog.Limits(Duration.ofHours(1), 2048, 8192, Duration.ofSeconds(30));

    @TempDir
    Path dataDir;

    private long logBytes() throws IOException {
        long bytes = 0;
        for (Path segment : LogSegments.list(dataDir)) {
            try {
                bytes += Files.size(segment);
            } catch (NoSuchFileException deletedMeanwhile) {
                // Checkpointed since the listing.
            }
        }
        return bytes;
    }

    @Test
    void checkpoints_delete_old_segments_so_the_log_stays_within_its_bound_however_much_is_written()
            throws Exception {
        RoomName room = new RoomName("bounded");
        AtomicLong syncedWrites = new AtomicLong();
        long most = 0;
        int count = 400;
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir, (writes, nanos) -> syncedWrites.addAndGet(
                writes), SMALL)) {
            MessageStore store = storage.messageStore();
            for (int i = 0; i < count; i++) {
                store.insert(StorageProcess.message(room, i));
                store.awaitDurable();
                most = Math.max(most, logBytes());
            }
            long written = count * (long) LogSegments.frame(new MessageRow(
                    StorageProcess.message(room, 0).withSeq(1), null).encode()).length;
            assertThat(written).as("the records appended").isGreaterThan(4 * SMALL.maxBytes());
            assertThat(most).as("the most the log's files held at once").isLessThanOrEqualTo(SMALL.maxBytes());
            assertThat(LogSegments.number(LogSegments.list(dataDir).get(0))).as("segments rotated out")
                    .isGreaterThan(written / SMALL.segmentBytes() / 2);
            assertThat(store.page(room, HistoryCursor.latest(), count).messages()).hasSize(count);
        }
        assertThat(syncedWrites).as("every write made durable by a sync of the log").hasValue(count);
    }

    @Test
    void a_full_log_whose_checkpoints_fail_refuses_writes_with_the_cause_and_holds_no_more() throws Exception {
        WriteAheadLog.Limits limits = new WriteAheadLog.Limits(Duration.ofMillis(20), 1024, 4096,
                Duration.ofMillis(300));
        RoomName room = new RoomName("full");
        WriteAheadLog log = WriteAheadLog.start(dataDir, () -> {
            throw new SQLException("the database file cannot be written");
        }, SyncObserver.none(), limits);
        try {
            int appended = 0;
            IOException refused = null;
            while (refused == null && appended < 1000) {
                try {
                    log.committed(StorageProcess.message(room, appended).withSeq(appended + 1), null);
                    log.awaitDurable();
                    appended++;
                } catch (IOException full) {
                    refused = full;
                }
            }

            assertThat(refused).as("refused once full").isNotNull()
                    .hasMessageContaining("holds its limit of 4096 bytes")
                    .hasRootCauseMessage("the database file cannot be written");
            assertThat(logBytes()).isLessThanOrEqualTo(limits.maxBytes());
            assertThat(LogSegments.list(dataDir).stream().flatMap(segment -> read(segment).stream()).count())
                    .as("every record taken is kept, for the next open to replay").isEqualTo(appended);
        } finally {
            assertThatThrownBy(log::close).hasMessageContaining("last checkpoint failed");
        }
        assertThat(LogSegments.list(dataDir)).as("kept after a failed close").isNotEmpty();
    }

    @Test
    void a_write_after_close_is_refused() throws Exception {
        WriteAheadLog log = WriteAheadLog.start(dataDir, () -> { }, SyncObserver.none(), SMALL);
        log.close();

        assertThatThrownBy(() -> log.committed(StorageProcess.message(new RoomName("closed"), 0), null))
                .isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThat(LogSegments.list(dataDir)).isEmpty();
    }

    @Test
    void a_log_left_by_a_crash_is_replayed_before_a_new_one_starts() throws Exception {
        Files.write(LogSegments.path(dataDir, 3), LogSegments.frame(new MessageRow(
                StorageProcess.message(new RoomName("left"), 0).withSeq(1), null).encode()));

        assertThatThrownBy(() -> WriteAheadLog.start(dataDir, () -> { }, SyncObserver.none(), SMALL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("replayed first");
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            assertThat(storage.messageStore().latestSeq(new RoomName("left"))).isEqualTo(1);
        }
    }

    @Test
    void limits_that_cannot_hold_two_segments_are_refused() {
        assertThatThrownBy(() -> new WriteAheadLog.Limits(Duration.ofSeconds(1), 4096, 4096, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriteAheadLog.Limits(Duration.ZERO, 1024, 4096, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_storage_whose_log_cannot_be_read_does_not_open_and_keeps_it() throws Exception {
        JdbcChatStorage.h2File(dataDir).close();
        Path segment = LogSegments.path(dataDir, 1);
        Files.write(segment, LogSegments.frame(new byte[] {9, 9, 9}));

        assertThatThrownBy(() -> JdbcChatStorage.h2File(dataDir)).isInstanceOf(ChatStorageException.class)
                .hasMessageContaining("write-ahead log");
        assertThat(LogSegments.list(dataDir)).containsExactly(segment);
        // The failed open released the database: the next open meets the same log, not "already open".
        assertThatThrownBy(() -> JdbcChatStorage.h2File(dataDir)).hasMessageContaining("write-ahead log");
    }

    private static List<MessageRow> read(Path segment) {
        try {
            return LogSegments.read(segment);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
