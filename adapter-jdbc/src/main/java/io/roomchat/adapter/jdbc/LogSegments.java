package io.roomchat.adapter.jdbc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The files of the write-ahead log in a data directory, {@code chat.wal.<number>} in the order they were written,
 * and the framing of a record in them: the payload's length (an int), its CRC32C (an int), the payload. A crash in
 * the middle of an append leaves a torn record at the end of the last segment; reading stops at the first record
 * that is short or fails its checksum, as the end of what was written, and that is not an error.
 */
final class LogSegments {
    /** A record's bound: a row's columns are bounded by the domain, and its text by the server's limit. */
    static final int MAX_PAYLOAD = 4 * 1024 * 1024;
    static final int HEADER = 8;
    private static final Pattern NAME = Pattern.compile("chat\\.wal\\.(\\d{1,18})");

    private LogSegments() {
    }

    static Path path(Path dir, long number) {
        return dir.resolve("chat.wal." + number);
    }

    static long number(Path segment) {
        Matcher name = NAME.matcher(segment.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("not a log segment: " + segment);
        }
        return Long.parseLong(name.group(1));
    }

    /** The log's segments in {@code dir}, oldest first. */
    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(LogSegments::number))
                    .toList();
        }
    }

    /** {@code payload} as one record: header and payload. */
    static byte[] frame(byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a log record of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(HEADER + payload.length)
                .putInt(payload.length).putInt((int) crc.getValue()).put(payload).array();
    }

    /**
     * The rows of {@code segment}'s whole records, up to the first torn or corrupt one; none when the segment is
     * empty or gone.
     *
     * @throws IOException when the file cannot be read, or a record passes its checksum but holds no valid row
     */
    static List<MessageRow> read(Path segment) throws IOException {
        List<MessageRow> rows = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (true) {
                header.clear();
                if (!readFully(channel, header)) {
                    return rows;
                }
                int length = header.getInt(0);
                int checksum = header.getInt(4);
                if (length < 1 || length > MAX_PAYLOAD || length > channel.size() - channel.position()) {
                    return rows;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                if (!readFully(channel, payload)) {
                    return rows;
                }
                CRC32C crc = new CRC32C();
                crc.update(payload.array());
                if ((int) crc.getValue() != checksum) {
                    return rows;
                }
                rows.add(MessageRow.decode(payload.array()));
            }
        } catch (NoSuchFileException gone) {
            return rows;
        }
    }

    /** Fills {@code buffer}; false when the file ends first. */
    private static boolean readFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

}
