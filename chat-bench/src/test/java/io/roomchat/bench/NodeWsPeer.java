package io.roomchat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node {@code ws} peer server ({@code chat-bench/peers/ws-chat-server.mjs}) as a real process on a free
 * loopback port, with {@link LoopbackNodes#SECRET}. It needs {@code node} on the PATH and {@code npm ci} run at the
 * repository root (for {@code ws}); without them it fails, saying so, never skips: node is already a prerequisite
 * of the build.
 */
final class NodeWsPeer implements AutoCloseable {
    static final Path SCRIPT = Path.of("peers", "ws-chat-server.mjs").toAbsolutePath();
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+)");

    private final Process process;
    private final URI uri;

    NodeWsPeer() {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException("no " + SCRIPT + ": run the test from the chat-bench module");
        }
        Path log = logFile();
        ProcessBuilder builder = new ProcessBuilder(List.of("node", SCRIPT.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CHAT_JWT_SECRET", LoopbackNodes.SECRET);
        builder.environment().put("CHAT_HOST", "127.0.0.1");
        builder.environment().put("CHAT_PORT", "0");
        try {
            process = builder.start();
        } catch (IOException cannotRun) {
            throw new IllegalStateException("cannot run `node` (is Node.js installed and on the PATH?)", cannotRun);
        }
        URI listening = awaitListening(log);
        if (listening == null) {
            close();
            throw new IllegalStateException("the node ws peer did not start within " + STARTUP_TIMEOUT
                    + " (is `ws` installed? run `npm ci` at the repository root); its output:\n" + read(log));
        }
        uri = listening;
    }

    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    /** The address the script prints once it listens (CHAT_PORT=0: the port the system gave it), or null. */
    private URI awaitListening(Path log) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher listening = LISTENING.matcher(read(log));
            if (listening.find()) {
                return URI.create(listening.group(1));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "(no output: " + unreadable.getMessage() + ")";
        }
    }

    /** Beside the build's output, so a failed run leaves the peer's words behind. */
    private static Path logFile() {
        try {
            Path dir = Files.createDirectories(Path.of("target"));
            return Files.createTempFile(dir, "node-ws-peer-", ".log");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
