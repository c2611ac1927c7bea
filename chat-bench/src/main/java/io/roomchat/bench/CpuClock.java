package io.roomchat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time used by the server process (from {@code /proc/PID/stat}) and by this one, and the machine's load. On
 * a shared machine a latency or rate says as much about the neighbours as about the server; CPU time per
 * delivery does not, so every run reports it next to the load average it ran under.
 */
final class CpuClock {
    /** USER_HZ, the unit of utime and stime in /proc/PID/stat: 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final List<Long> serverPids;

    /** The server's process, or every node's of a cluster; none when the server's CPU is not measured. */
    CpuClock(List<Long> serverPids) {
        this.serverPids = List.copyOf(serverPids);
    }

    /** The servers' user + system CPU seconds so far, added up, or NaN without a pid or with one gone. */
    double serverSeconds() {
        if (serverPids.isEmpty()) {
            return Double.NaN;
        }
        double total = 0;
        for (long pid : serverPids) {
            try {
                total += cpuSecondsFromStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            } catch (IOException gone) {
                return Double.NaN;
            }
        }
        return total;
    }

    static double cpuSecondsFromStat(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    }

    /** This process's CPU seconds so far. */
    static double ownSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** The one-minute load average, from /proc/loadavg. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
