package io.roomchat.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code disk-load}: the busy-disk neighbour ({@link DiskLoad}) for a while or until stopped (SIGTERM or Ctrl-C),
 * its rate on stderr every few seconds and one JSON line on stdout at the end: syncs/s, MB/s and the time of each
 * write-and-sync.
 */
@Command(name = "disk-load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes blocks to files in DIR and forces each to the disk (fdatasync) in a loop, to load "
                + "the disk a server's data directory is on; reports syncs/s and MB/s.")
final class DiskLoadCommand implements Callable<Integer> {
    static final int MAX_BLOCK_KIB = 16 * 1024;
    static final int MAX_FILE_MIB = 4096;
    static final int MAX_WRITERS = 16;
    static final int MAX_SECONDS = 24 * 3600;

    @Option(names = "--dir", required = true, description = "Where to write: a directory on the disk to load")
    Path dir;

    @Option(names = "--block-kib", defaultValue = "64", description = "Bytes written before each sync, in KiB. "
            + "Default: ${DEFAULT-VALUE}")
    int blockKib;

    @Option(names = "--file-mib", defaultValue = "64", description = "Each writer's file, written round and round, "
            + "in MiB. Default: ${DEFAULT-VALUE}")
    int fileMib;

    @Option(names = "--writers", defaultValue = "1", description = "Writers, each with its own file, syncing "
            + "independently. Default: ${DEFAULT-VALUE}")
    int writers;

    @Option(names = {"-d", "--duration"}, defaultValue = "0", description = "Seconds to run; 0 runs until stopped. "
            + "Default: ${DEFAULT-VALUE}")
    int durationSeconds;

    @Option(names = "--progress", defaultValue = "5", description = "Seconds between progress lines. "
            + "Default: ${DEFAULT-VALUE}")
    int progressSeconds;

    @Option(names = "--label", defaultValue = "disk-load", description = "A name for the run, echoed in the result")
    String label;

    @Override
    public Integer call() throws Exception {
        validate();
        CountDownLatch stopAsked = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        // On SIGTERM the JVM runs its hooks and exits after them: hold it until the result line is printed.
        Thread onStop = new Thread(() -> {
            stopAsked.countDown();
            awaitQuietly(reported);
        }, "disk-load-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        try {
            System.out.println(run(stopAsked));
            System.out.flush();
        } finally {
            reported.countDown();
            if (stopAsked.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(onStop);
            }
        }
        return 0;
    }

    /** Loads the disk until the duration is up or {@code stopAsked} opens; the result line. */
    ResultLine run(CountDownLatch stopAsked) throws InterruptedException {
        validate();
        DiskLoad load = new DiskLoad(dir, blockKib * 1024, fileMib * 1024L * 1024, writers);
        Progress log = new Progress(System.err);
        long started = System.nanoTime();
        long deadline = durationSeconds == 0 ? Long.MAX_VALUE : started + TimeUnit.SECONDS.toNanos(durationSeconds);
        Histogram all = new Histogram(3);
        load.start();
        long lastSyncs = 0;
        long lastAt = started;
        while (System.nanoTime() < deadline && !stopAsked.await(untilNextLine(deadline), TimeUnit.NANOSECONDS)) {
            Histogram interval = load.syncMicrosSinceLastCall();
            all.add(interval);
            long syncs = load.syncs();
            long now = System.nanoTime();
            double seconds = (now - lastAt) / 1e9;
            log.line("%s: %.0f syncs/s, %.1f MB/s, write-and-sync p50 %.1f ms, p99 %.1f ms", label,
                    (syncs - lastSyncs) / seconds, (syncs - lastSyncs) * (double) blockKib * 1024 / 1e6 / seconds,
                    interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0);
            lastSyncs = syncs;
            lastAt = now;
        }
        load.stop();
        all.add(load.syncMicrosSinceLastCall());
        return result(load, all, (System.nanoTime() - started) / 1e9);
    }

    private long untilNextLine(long deadline) {
        return Math.max(0, Math.min(TimeUnit.SECONDS.toNanos(progressSeconds), deadline - System.nanoTime()));
    }

    private void validate() {
        if (blockKib < 1 || blockKib > MAX_BLOCK_KIB) {
            throw new IllegalArgumentException("--block-kib must be 1.." + MAX_BLOCK_KIB);
        }
        if (fileMib < 1 || fileMib > MAX_FILE_MIB || fileMib * 1024L < blockKib) {
            throw new IllegalArgumentException("--file-mib must be 1.." + MAX_FILE_MIB + " and hold one block");
        }
        if (writers < 1 || writers > MAX_WRITERS) {
            throw new IllegalArgumentException("--writers must be 1.." + MAX_WRITERS);
        }
        if (durationSeconds < 0 || durationSeconds > MAX_SECONDS || progressSeconds < 1) {
            throw new IllegalArgumentException("--duration must be 0.." + MAX_SECONDS + ", --progress 1 or more");
        }
    }

    private ResultLine result(DiskLoad load, Histogram syncMicros, double seconds) {
        return new ResultLine()
                .put("label", label)
                .put("dir", dir.toAbsolutePath().toString())
                .put("blockBytes", blockKib * 1024)
                .put("writers", writers)
                .put("seconds", Math.round(seconds * 1000) / 1000.0)
                .put("syncs", load.syncs())
                .put("syncsPerSecond", Math.round(load.syncs() / seconds * 10) / 10.0)
                .put("megabytesPerSecond", Math.round(load.bytes() / 1e6 / seconds * 100) / 100.0)
                .putLatency("syncMs", syncMicros)
                .put("loadAverage", CpuClock.loadAverage());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
