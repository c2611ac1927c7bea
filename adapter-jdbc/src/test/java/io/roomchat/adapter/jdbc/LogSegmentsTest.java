package io.roomchat.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSegmentsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T23:10:00.123Z");

    @TempDir
    Path dir;

    /** A new message with a client key, an edited one without, and one a moderator deleted (no text). */
    private static List<MessageRow> rows() {
        RoomName room = new RoomName("général-😀");
        ChatMessage posted = new ChatMessage(new MessageId("m-1"), room, new UserId("alice@example.com"),
                new DisplayName("Alice Ünïcode 名前"), new MessageText("hello"), T0, T0, false, 1);
        ChatMessage edited = new ChatMessage(new MessageId("m-2"), room, new UserId("bob"), new DisplayName("Bob"),
                new MessageText("x".repeat(50_000) + " – déjà vu 🧵"), T0.plusMillis(1), T0.plusSeconds(30), false, 7);
        ChatMessage deleted = new ChatMessage(new MessageId("m-3"), room, new UserId("carol"),
                new DisplayName("Carol"), new MessageText("rude"), T0.plusMillis(2), T0.plusMillis(2), false, 3)
                .apply(new MessageChange.ModeratorErase(new UserId("mod")), T0.plusSeconds(60)).withSeq(9);
        return List.of(new MessageRow(posted, new ClientMessageId("client-key-1")), new MessageRow(edited, null),
                new MessageRow(deleted, null));
    }

    private Path write(List<MessageRow> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (MessageRow row : rows) {
            bytes.write(LogSegments.frame(row.encode()));
        }
        Path segment = LogSegments.path(dir, 1);
        Files.write(segment, bytes.toByteArray());
        return segment;
    }

    @Test
    void a_record_holds_every_column_of_its_row_nulls_long_and_unicode_text_included() throws IOException {
        Path segment = write(rows());

        List<MessageRow> read = LogSegments.read(segment);

        assertThat(read).containsExactlyElementsOf(rows());
        assertThat(read.get(2).message().deletedBy()).isEqualTo(new UserId("mod"));
        assertThat(read.get(2).message().text()).isNull();
    }

    @Test
    void reading_stops_before_a_torn_record_at_the_end_without_an_error() throws IOException {
        Path segment = write(rows());
        long whole = Files.size(segment);
        for (long cut : new long[] {whole - 1, whole - rows().get(2).encode().length, whole - rows().get(2)
                .encode().length - 5}) {
            try (var channel = Files.newByteChannel(segment, StandardOpenOption.WRITE)) {
                channel.truncate(cut);
            }

            assertThat(LogSegments.read(segment)).as("cut to " + cut).containsExactlyElementsOf(rows().subList(0, 2));
        }
    }

    @Test
    void a_record_that_fails_its_checksum_ends_the_segment_there_and_later_records_are_not_read()
            throws IOException {
        Path segment = write(rows());
        int secondPayload = LogSegments.HEADER + rows().get(0).encode().length + LogSegments.HEADER;
        byte[] bytes = Files.readAllBytes(segment);
        bytes[secondPayload + 10] ^= 0x01;
        Files.write(segment, bytes);

        assertThat(LogSegments.read(segment)).containsExactly(rows().get(0));
    }

    @Test
    void a_length_beyond_the_file_or_the_bound_ends_the_segment_there() throws IOException {
        Path segment = write(rows().subList(0, 1));
        Files.write(segment, ByteBuffer.allocate(LogSegments.HEADER).putInt(LogSegments.MAX_PAYLOAD + 1).putInt(0)
                .array(), StandardOpenOption.APPEND);

        assertThat(LogSegments.read(segment)).containsExactly(rows().get(0));
    }

    @Test
    void a_record_that_passes_its_checksum_but_holds_no_row_is_an_error_not_an_end() throws IOException {
        Path segment = LogSegments.path(dir, 1);
        Files.write(segment, LogSegments.frame(new byte[] {1, 0, 0, 0, 1, 'x'}));

        assertThatThrownBy(() -> LogSegments.read(segment)).isInstanceOf(IOException.class)
                .hasMessageContaining("log record");
    }

    @Test
    void an_empty_or_missing_segment_holds_no_records() throws IOException {
        Path empty = Files.createFile(LogSegments.path(dir, 1));

        assertThat(LogSegments.read(empty)).isEmpty();
        assertThat(LogSegments.read(LogSegments.path(dir, 2))).isEmpty();
    }

    @Test
    void segments_are_listed_in_number_order_and_other_files_are_not_segments() throws IOException {
        for (String name : List.of("chat.wal.10", "chat.wal.2", "chat.mv.db", "chat.wal.x", "chat.wal.3.tmp")) {
            Files.createFile(dir.resolve(name));
        }

        assertThat(LogSegments.list(dir)).containsExactly(dir.resolve("chat.wal.2"), dir.resolve("chat.wal.10"));
    }

    @Test
    void a_record_over_the_bound_is_refused_before_it_is_written() {
        assertThatThrownBy(() -> LogSegments.frame(new byte[LogSegments.MAX_PAYLOAD + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
