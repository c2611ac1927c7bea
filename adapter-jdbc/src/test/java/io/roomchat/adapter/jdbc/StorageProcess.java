package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.MessageStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM working on a data directory, for what one process cannot show about itself: {@code crash DIR ROOM
 * COUNT} stores COUNT messages, each made durable as the core does before acknowledging it, then halts at once,
 * no shutdown of any kind; {@code ack DIR ROOM WRITERS} has WRITERS threads store messages in rooms ROOM-0,
 * ROOM-1, … and print {@code ack ROOM-W I} for each once it is durable, until the process is killed;
 * {@code hold DIR} keeps the database open until its standard input closes.
 */
public final class StorageProcess {
    static final Instant T0 = Instant.parse("2026-11-27T18:38:45.123Z");
    static final String OPEN = "open";

    private StorageProcess() {
    }

    public static void main(String[] args) throws IOException {
        JdbcChatStorage storage = JdbcChatStorage.h2File(Path.of(args[1]));
        if (args[0].equals("crash")) {
            MessageStore store = storage.messageStore();
            for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                store.insert(message(new RoomName(args[2]), i));
                store.awaitDurable();
            }
            Runtime.getRuntime().halt(0);
        }
        if (args[0].equals("ack")) {
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
