package io.roomchat.resilience;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The self-hosted server in a JVM of its own, started by its {@code Main} as {@code java -jar} would, so that a test
 * can kill it as the operating system kills a process: no shutdown hook, no flush, no close.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("roomchat listening on (ws://[^ ]+/)");
    /** Far above a start on an idle machine (seconds); a shared, overloaded CI machine needs the margin. */
    private static final long STARTUP_SECONDS = 180;

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final URI webSocket;

    private ServerProcess(Map<String, String> environment) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A small heap and no optimising compiler: it starts sooner and leaves the tests their cores.
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.roomchat.adapter.jetty.boot.Main");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a JVM", e);
        }
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(listening), "server-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            webSocket = listening.get(STARTUP_SECONDS, TimeUnit.SECONDS);
        } catch (Exception notListening) {
            process.destroyForcibly();
            throw new IllegalStateException("the server process did not start; its output:\n" + output(), notListening);
        }
    }

    /** Starts {@code Main} with these environment variables and returns once it listens. */
    public static ServerProcess start(Map<String, String> environment) {
        return new ServerProcess(environment);
    }

    public URI webSocket() {
        return webSocket;
    }

    /** {@code http://host:port/}, for {@code /health} and {@code /metrics}. */
    public URI http() {
        return URI.create(webSocket.toString().replaceFirst("^ws:", "http:"));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the process ends at once, whatever it was doing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server process survived SIGKILL");
        }
    }

    /** SIGTERM, the graceful stop, if it is still running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Everything the process printed so far. */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Its last {@code lines} lines, for a failure report. */
    public String outputTail(int lines) {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - lines), output.size()));
        }
    }

    private void readOutput(CompletableFuture<URI> listening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    listening.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
        listening.completeExceptionally(new IllegalStateException("the server process ended"));
    }
}
