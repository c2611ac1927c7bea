package io.roomchat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What a figure depends on besides the server's code path, for the result line: the commit measured and the JVM
 * flags each server process runs with. A figure without them cannot be compared with another.
 */
final class RunConditions {
    static final String UNKNOWN = "unknown";
    /** Options whose value is the next argument, not a JVM flag of its own. */
    private static final Set<String> CLASS_PATH = Set.of("-cp", "-classpath", "--class-path");

    private RunConditions() {
    }

    /** {@code git rev-parse --short HEAD} in the working directory, or "unknown" outside a checkout. */
    static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0 || out.isEmpty()) {
                return UNKNOWN;
            }
            return out;
        } catch (IOException noGit) {
            return UNKNOWN;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    /** The JVM flags of a running process, read from {@code /proc/PID/cmdline}; empty when it cannot be read. */
    static Optional<List<String>> jvmFlags(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(jvmFlags(new String(cmdline, StandardCharsets.UTF_8)));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /**
     * The JVM's own options in a NUL-separated command line: everything after the launcher up to {@code -jar} or
     * the main class, without the class path (long, and not a flag).
     */
    static List<String> jvmFlags(String cmdline) {
        String[] args = cmdline.split("\0");
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-jar") || !arg.startsWith("-")) {
                break;
            }
            if (CLASS_PATH.contains(arg)) {
                i++;
            } else {
                flags.add(arg);
            }
        }
        return flags;
    }
}
