package io.roomchat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A neighbour that keeps a disk busy: each writer writes a block into its own file and forces it to the device
 * ({@link FileChannel#force}, an fdatasync), then the next block, cycling through the file, until stopped. What
 * another database or a log shipper does to the disk a server's data directory is on; counted as syncs and bytes,
 * with each write-and-sync's time.
 */
final class DiskLoad {
    private final Path dir;
    private final int blockBytes;
    private final long fileBytes;
    private final int writers;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final LongAdder syncs = new LongAdder();
    private final Recorder syncMicros = new Recorder(3);
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    DiskLoad(Path dir, int blockBytes, long fileBytes, int writers) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        if (blockBytes < 512 || fileBytes < blockBytes || writers < 1) {
            throw new IllegalArgumentException("need a block of 512 bytes or more, a file of one block or more, "
                    + "and one writer or more");
        }
        this.dir = dir;
        this.blockBytes = blockBytes;
        this.fileBytes = fileBytes - fileBytes % blockBytes;
        this.writers = writers;
    }

    /** Starts the writers; each creates its file, and deletes it when stopped. */
    void start() {
        for (int i = 0; i < writers; i++) {
            Path file = dir.resolve("disk-load-" + ProcessHandle.current().pid() + "-" + i + ".bin");
            Thread thread = new Thread(() -> write(file), "disk-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void write(Path file) {
        byte[] bytes = new byte[blockBytes];
        ThreadLocalRandom.current().nextBytes(bytes);
        ByteBuffer block = ByteBuffer.wrap(bytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE)) {
            long position = 0;
            while (!stop.get()) {
                long started = System.nanoTime();
                block.rewind();
                while (block.hasRemaining()) {
                    channel.write(block, position + block.position());
                }
                channel.force(false);
                syncMicros.recordValue((System.nanoTime() - started) / 1_000);
                syncs.increment();
                position = (position + blockBytes) % fileBytes;
            }
        } catch (IOException | RuntimeException failure) {
            synchronized (failures) {
                failures.add(failure);
            }
        }
    }

    /** Syncs so far, all writers together. */
    long syncs() {
        return syncs.sum();
    }

    long bytes() {
        return syncs() * blockBytes;
    }

    /** Each write-and-sync's time in microseconds since the last call (the first: since the start). */
    Histogram syncMicrosSinceLastCall() {
        return syncMicros.getIntervalHistogram();
    }

    /** Stops the writers and waits for them; throws what a writer failed with. */
    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        synchronized (failures) {
            if (!failures.isEmpty()) {
                Throwable first = failures.get(0);
                throw first instanceof IOException io ? new UncheckedIOException("a disk-load writer failed", io)
                        : new IllegalStateException("a disk-load writer failed", first);
            }
        }
    }
}
