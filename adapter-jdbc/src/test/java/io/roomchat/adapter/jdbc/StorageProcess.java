package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.MessageStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM working on a data directory, for what one process cannot show about itself: {@code crash DIR ROOM
 * COUNT} stores COUNT messages, each made durable as the core does before acknowledging it, then halts at once,
 * no shutdown of any kind; {@code ack DIR ROOM WRITERS} has WRITERS threads store messages in rooms ROOM-0,
 * ROOM-1, … and print {@code ack ROOM-W I} for each once it is durable, until the process is killed
 * ({@code ack-checkpointing DIR ROOM WRITERS} the same with the log rotated and checkpointed all the time);
 * {@code hold DIR} keeps the database open until its standard input closes; {@code changes DIR ROOM COUNT}, with
 * no checkpoint of the write-ahead log before it halts, stores COUNT messages (every other one with a client key),
 * then replaces the text of every third from the second and deletes every third from the third (the first by its
 * author, then by a moderator), each made durable, and halts.
 */
public final class StorageProcess {
    static final Instant T0 = Instant.parse("2026-11-27T18:38:45.123Z");
    static final String OPEN = "open";

    private StorageProcess() {
    }

    /** Checkpoints far apart: a process that halts within the hour leaves every record it wrote in the log. */
    static final WriteAheadLog.Limits NO_CHECKPOINT =
            new WriteAheadLog.Limits(Duration.ofHours(1), 4L << 20, 64L << 20, Duration.ofSeconds(30));
    /** Checkpoints all the time: every 10 ms, and per 2 KiB of log (a dozen records). */
    static final WriteAheadLog.Limits BUSY_CHECKPOINTS =
            new WriteAheadLog.Limits(Duration.ofMillis(10), 2048, 64L << 20, Duration.ofSeconds(30));
    static final UserId MODERATOR = new UserId("moderator");

    public static void main(String[] args) throws IOException {
        if (args[0].equals("changes")) {
            storeChangesAndHalt(Path.of(args[1]), new RoomName(args[2]), Integer.parseInt(args[3]));
        }
        JdbcChatStorage storage = args[0].equals("ack-checkpointing")
                ? JdbcChatStorage.h2File(Path.of(args[1]), SyncObserver.none(), BUSY_CHECKPOINTS)
                : JdbcChatStorage.h2File(Path.of(args[1]));
        if (args[0].equals("crash")) {
            MessageStore store = storage.messageStore();
            for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                store.insert(message(new RoomName(args[2]), i));
                store.awaitDurable();
            }
            Runtime.getRuntime().halt(0);
        }
        if (args[0].startsWith("ack")) {
            acknowledgeUntilKilled(storage.messageStore(), args[2], Integer.parseInt(args[3]));
            return;
        }
        System.out.println(OPEN);
        System.out.flush();
        System.in.readAllBytes();
        storage.close();
    }

    /** Like the server: each writer commits, waits for a sync it may share with the others, then acknowledges. */
    private static void acknowledgeUntilKilled(MessageStore store, String roomPrefix, int writers) {
        PrintStream out = System.out;
        for (int w = 0; w < writers; w++) {
            RoomName room = new RoomName(roomPrefix + "-" + w);
            Thread writer = new Thread(() -> {
                for (int i = 0; ; i++) {
                    store.insert(message(room, i));
                    store.awaitDurable();
                    synchronized (out) {
                        out.println("ack " + room.value() + " " + i);
                        out.flush();
                    }
                }
            });
            writer.start();
        }
    }

    private static void storeChangesAndHalt(Path dataDir, RoomName room, int count) {
        MessageStore store = JdbcChatStorage.h2File(dataDir, SyncObserver.none(), NO_CHECKPOINT).messageStore();
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                store.insert(message(room, i), clientKey(i));
            } else {
                store.insert(message(room, i));
            }
            store.awaitDurable();
        }
        for (int i = 1; i < count; i += 3) {
            store.edit(room, new MessageRef.ById(message(room, i).id()), new UserId("writer"),
                    new MessageChange.Replace(new MessageText("edited " + i)), T0.plusSeconds(60));
            store.awaitDurable();
        }
        for (int i = 2; i < count; i += 3) {
            MessageChange erase = i % 2 == 0 ? new MessageChange.Erase() : new MessageChange.ModeratorErase(MODERATOR);
            store.edit(room, new MessageRef.ById(message(room, i).id()), new UserId("writer"), erase,
                    T0.plusSeconds(60));
            store.awaitDurable();
        }
        Runtime.getRuntime().halt(0);
    }

    static ClientMessageId clientKey(int index) {
        return new ClientMessageId("key-" + index);
    }

    static ChatMessage message(RoomName room, int index) {
        return ChatMessage.posted(new MessageId(room.value() + "-" + index), room, new UserId("writer"),
                new DisplayName("Writer"), new MessageText("message " + index), T0.plusMillis(index));
    }

    /** Starts this class in a new JVM with the test classpath. */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                StorageProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static int awaitExit(Process process) throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the storage process did not finish");
        }
        return process.exitValue();
    }
}
