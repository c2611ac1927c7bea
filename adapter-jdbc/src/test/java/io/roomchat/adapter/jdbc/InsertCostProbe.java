package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Not a test: a measuring tool for where an H2 write's time goes (docs/benchmarks.md, "Self-hosted: profiling
 * and fixes", item 5). {@code MODE WRITERS COUNT [URL_SETTINGS]}: WRITERS threads, one room each, store COUNT
 * messages in a fresh database under {@code /tmp}, each insert followed by the mode's durability: {@code commit}
 * none, {@code checkpoint} an MVStore commit without fsync, {@code durable} {@code CHECKPOINT SYNC} shared by
 * concurrent writers (the store before its write-ahead log), {@code wal} the store's own: an append to its
 * {@link WriteAheadLog} and a group fsync of it, H2 checkpointed behind once a second. Prints wall time, process CPU
 * and bytes written per insert (H2's file and the log's), and the number of syncs. Run with the test classpath:
 * {@code java -cp adapter-jdbc/target/test-classes:adapter-jdbc/target/classes:chat-core/target/classes:H2_JAR
 * io.roomchat.adapter.jdbc.InsertCostProbe durable 16 3000}.
 */
final class InsertCostProbe {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private InsertCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int writers = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        String settings = args.length > 3 ? args[3] : "";
        Path dir = Files.createTempDirectory("insert-cost-probe");
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:file:" + dir.resolve("chat") + ";DB_CLOSE_ON_EXIT=FALSE" + settings, "chat", "");
        SchemaMigrations.ofThisBuild().migrate(pool);
        AtomicInteger syncs = new AtomicInteger();
        WriteAheadLog log = null;
        Durability durability;
        if (mode.equals("commit")) {
            durability = Durability.atCommit();
        } else if (mode.equals("wal")) {
            log = WriteAheadLog.start(dir, () -> execute(pool, "CHECKPOINT SYNC"),
                    (writes, nanos) -> syncs.incrementAndGet(), WriteAheadLog.Limits.DEFAULT);
            durability = log;
        } else {
            durability = checkpointing(pool, mode.equals("durable") ? "CHECKPOINT SYNC" : "CHECKPOINT", syncs);
        }
        JdbcMessageStore store = new JdbcMessageStore(pool::getConnection, durability);
        insert(store, writers, Math.min(count, 300), "warm-up");
        syncs.set(0);
        long bytesBefore = bytesWritten(pool) + (log == null ? 0 : log.appendedBytes());
        long cpuBefore = OS.getProcessCpuTime();
        long start = System.nanoTime();
        insert(store, writers, count, "measured");
        long wall = System.nanoTime() - start;
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        System.out.printf("%s, %d writers, %d inserts%s: %.3f ms wall, %.3f ms CPU, %.1f KiB written per insert;"
                        + " %d syncs; load average %s%n", mode, writers, count, settings, wall / 1e6 / count,
                cpu / 1e6 / count, (bytesWritten(pool) + (log == null ? 0 : log.appendedBytes()) - bytesBefore)
                        / 1024.0 / count, syncs.get(), Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        if (log != null) {
            log.close();
        }
        execute(pool, "SHUTDOWN");
        pool.dispose();
    }

    /** The store's durability before its write-ahead log: {@code statement} for every writer that asked meanwhile. */
    private static Durability checkpointing(JdbcConnectionPool pool, String statement, AtomicInteger syncs) {
        GroupSync group = new GroupSync(() -> {
            syncs.incrementAndGet();
            try {
                execute(pool, statement);
            } catch (SQLException failure) {
                throw new IOException(failure);
            }
        }, SyncObserver.none());
        return new Durability() {
            @Override
            public void committed(ChatMessage row, ClientMessageId clientKey) {
                // The checkpoint writes what H2 committed.
            }

            @Override
            public void awaitDurable() throws IOException {
                group.awaitDurable();
            }
        };
    }

    private static void execute(JdbcConnectionPool pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void insert(JdbcMessageStore store, int writers, int count, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            RoomName room = new RoomName(tag + "-" + w);
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    store.insert(ChatMessage.posted(new MessageId(UUID.randomUUID().toString()), room,
                            new UserId("user-" + i % 10), new DisplayName("User " + i % 10),
                            new MessageText("message " + i + ", about as long as a line of chat usually is"),
                            Instant.ofEpochMilli(1_700_000_000_000L + i)));
                    store.awaitDurable();
                }
                return null;
            }));
        }
        for (Future<?> writer : running) {
            writer.get();
        }
        pool.shutdown();
    }

    private static long bytesWritten(JdbcConnectionPool pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'")) {
            return row.next() ? Long.parseLong(row.getString(1)) : 0;
        }
    }
}
