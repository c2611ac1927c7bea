package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code messages}, every column: the message as stored (with its seq and deleter) and its client key,
 * null when it has none. The payload of a {@link WriteAheadLog} record: a format version, then the columns, each
 * string as its UTF-8 length and bytes, each nullable column behind a flag.
 */
record MessageRow(ChatMessage message, ClientMessageId clientKey) {
    private static final byte FORMAT = 1;

    MessageRow {
        Objects.requireNonNull(message, "message");
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writeString(out, message.id().value());
            writeString(out, message.room().value());
            writeString(out, message.author().value());
            writeString(out, message.authorName().value());
            writeNullable(out, message.text() == null ? null : message.text().value());
            out.writeLong(message.postedAt().toEpochMilli());
            out.writeLong(message.modifiedAt().toEpochMilli());
            out.writeBoolean(message.deleted());
            out.writeLong(message.seq());
            writeNullable(out, message.deletedBy() == null ? null : message.deletedBy().value());
            writeNullable(out, clientKey == null ? null : clientKey.value());
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    /**
     * The row {@code payload} holds.
     *
     * @throws IOException when it is not one: a format this build does not know, a short payload or invalid columns
     */
    static MessageRow decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown log record format " + format);
        }
        try {
            MessageId id = new MessageId(readString(in));
            RoomName room = new RoomName(readString(in));
            UserId author = new UserId(readString(in));
            DisplayName authorName = new DisplayName(readString(in));
            String text = readNullable(in);
            Instant postedAt = Instant.ofEpochMilli(in.readLong());
            Instant modifiedAt = Instant.ofEpochMilli(in.readLong());
            boolean deleted = in.readBoolean();
            long seq = in.readLong();
            String deletedBy = readNullable(in);
            String clientKey = readNullable(in);
            if (in.available() > 0) {
                throw new IOException("a log record is longer than its row");
            }
            return new MessageRow(new ChatMessage(id, room, author, authorName,
                    text == null ? null : new MessageText(text), postedAt, modifiedAt, deleted, seq,
                    deletedBy == null ? null : new UserId(deletedBy)),
                    clientKey == null ? null : new ClientMessageId(clientKey));
        } catch (EOFException truncated) {
            throw new IOException("a log record ends before its row does", truncated);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new IOException("a log record holds an invalid row", invalid);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeString(out, value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a log record's string runs past its end");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }
}
