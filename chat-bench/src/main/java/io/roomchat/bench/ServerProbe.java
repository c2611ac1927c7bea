package io.roomchat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server process's memory as seen from outside: Java heap in use right after a full GC ({@code jcmd}), the
 * resident set ({@code /proc/PID/status}), and the live objects by class ({@code GC.class_histogram}).
 */
final class ServerProbe {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern HEAP_COMMITTED = Pattern.compile("total (\\d+)K");
    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private final long pid;

    ServerProbe(long pid) {
        this.pid = pid;
    }

    /**
     * One sample: the resident set first, as the operating system sees it with the server left alone (a forced
     * collection would shrink it to a figure no running server shows), then a full GC, so the heap figure is what
     * is really live, and the resident set again after it.
     */
    Sample sample() throws IOException, InterruptedException {
        long rss = rssKiB(status());
        jcmd("GC.run");
        String heapInfo = jcmd("GC.heap_info");
        String status = status();
        // class_histogram runs its own full GC: the live objects only.
        Map<String, Long> bytesByClass = histogram(jcmd("GC.class_histogram"));
        return new Sample(heapUsedKiB(heapInfo), heapCommittedKiB(heapInfo), rss, rssKiB(status), threads(status),
                bytesByClass);
    }

    private String status() throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "status"));
    }

    /**
     * Heap in use and committed (what the JVM holds from the OS for the heap), resident set before and after the
     * forced collection, the process's threads, and live bytes per class at one moment.
     */
    record Sample(long heapUsedKiB, long heapCommittedKiB, long rssKiB, long rssAfterGcKiB, long threads,
            Map<String, Long> bytesByClass) {
    }

    /**
     * The heap in use: G1 prints one "garbage-first heap ... used NK" line, Serial and Parallel one per generation;
     * everything from "Metaspace" on is not heap.
     */
    static long heapUsedKiB(String heapInfo) {
        return sumBeforeMetaspace(HEAP_USED, heapInfo);
    }

    /** The heap the JVM has committed, from the same lines ("total NK"). */
    static long heapCommittedKiB(String heapInfo) {
        return sumBeforeMetaspace(HEAP_COMMITTED, heapInfo);
    }

    private static long sumBeforeMetaspace(Pattern field, String heapInfo) {
        int metaspace = heapInfo.indexOf("Metaspace");
        Matcher used = field.matcher(metaspace < 0 ? heapInfo : heapInfo.substring(0, metaspace));
        long total = 0;
        boolean found = false;
        while (used.find()) {
            total += Long.parseLong(used.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("no '" + field.pattern() + "' in GC.heap_info output: " + heapInfo);
        }
        return total;
    }

    static long rssKiB(String procStatus) {
        Matcher rss = RSS.matcher(procStatus);
        if (!rss.find()) {
            throw new IllegalStateException("no VmRSS in /proc/PID/status");
        }
        return Long.parseLong(rss.group(1));
    }

    static long threads(String procStatus) {
        Matcher threads = THREADS.matcher(procStatus);
        return threads.find() ? Long.parseLong(threads.group(1)) : -1;
    }

    static Map<String, Long> histogram(String classHistogram) {
        Map<String, Long> bytes = new HashMap<>();
        Matcher row = HISTOGRAM_ROW.matcher(classHistogram);
        while (row.find()) {
            bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
        }
        return bytes;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
