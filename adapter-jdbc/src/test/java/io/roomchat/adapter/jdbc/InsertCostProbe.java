package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
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
 * concurrent writers, as the store does. Prints wall time, process CPU and bytes written per insert, and the
 * number of checkpoints. Run with the test classpath:
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
        AtomicInteger checkpoints = new AtomicInteger();
        String statement = mode.equals("durable") ? "CHECKPOINT SYNC" : "CHECKPOINT";
        Durability durability = mode.equals("commit") ? () -> { } : new GroupSync(() -> {
            checkpoints.incrementAndGet();
            try (Connection connection = pool.getConnection(); Statement checkpoint = connection.createStatement()) {
                checkpoint.execute(statement);
            }
        }, SyncObserver.none());
        JdbcMessageStore store = new JdbcMessageStore(pool::getConnection, durability);
        insert(store, writers, Math.min(count, 300), "warm-up");
        checkpoints.set(0);
        long bytesBefore = bytesWritten(pool);
        long cpuBefore = OS.getProcessCpuTime();
        long start = System.nanoTime();
        insert(store, writers, count, "measured");
        long wall = System.nanoTime() - start;
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        System.out.printf("%s, %d writers, %d inserts%s: %.3f ms wall, %.3f ms CPU, %.1f KiB written per insert;"
                        + " %d checkpoints; load average %s%n", mode, writers, count, settings, wall / 1e6 / count,
                cpu / 1e6 / count, (bytesWritten(pool) - bytesBefore) / 1024.0 / count, checkpoints.get(),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        try (Connection connection = pool.getConnection(); Statement shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN");
        }
        pool.dispose();
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
