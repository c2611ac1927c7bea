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
    /** Environment variables the java launcher takes options from. */
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

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

    /**
     * The JVM flags of a running process: those the launcher reads from its environment ({@code JDK_JAVA_OPTIONS},
     * {@code JAVA_TOOL_OPTIONS}, as {@code NAME=value}) and those on its command line ({@code /proc/PID/cmdline});
     * empty when they cannot be read.
     */
    static Optional<List<String>> jvmFlags(long pid) {
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            List<String> flags = new ArrayList<>(optionsFromEnvironment(read(proc.resolve("environ"))));
            flags.addAll(jvmFlags(read(proc.resolve("cmdline"))));
            return Optional.of(flags);
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** The launcher's option variables of a NUL-separated environment, each as {@code NAME=value}. */
    static List<String> optionsFromEnvironment(String environ) {
        List<String> options = new ArrayList<>();
        for (String variable : environ.split("\0")) {
            for (String name : OPTION_VARIABLES) {
                if (variable.startsWith(name + "=") && variable.length() > name.length() + 1) {
                    options.add(variable);
                }
            }
        }
        return options;
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
