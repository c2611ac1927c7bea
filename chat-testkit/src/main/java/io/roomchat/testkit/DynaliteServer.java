package io.roomchat.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real DynamoDB-compatible server for tests: dynalite (npm, pinned in the repository's {@code package.json}),
 * in memory, on a free loopback port, with tables ACTIVE as soon as they are created. One server per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DynaliteServer DYNALITE = new DynaliteServer();
 * ... DYNALITE.endpoint() ...
 * }</pre>
 *
 * It needs {@code node} on the PATH and {@code npm ci} run at the repository root (the directory above the
 * working directory that holds {@code package.json}); without them the tests fail, saying so, rather than skip.
 * {@link #start()} and {@link #stop()} may also be called directly, for instance to take the server away in the
 * middle of a test.
 */
public final class DynaliteServer implements BeforeAllCallback, AfterAllCallback {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;

    private final Path searchFrom;
    private Process process;
    private Thread reaper;
    private int port;

    /** Looks for the repository from the working directory up. */
    public DynaliteServer() {
        this(Path.of("").toAbsolutePath());
    }

    /** Looks for the repository from {@code searchFrom} up. */
    public DynaliteServer(Path searchFrom) {
        this.searchFrom = searchFrom.toAbsolutePath();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (ServerProcesses.isNested(context)) {
            return;
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (ServerProcesses.isNested(context)) {
            return;
        }
        stop();
    }

    /** {@code http://127.0.0.1:<port>}; valid while running. */
    public URI endpoint() {
        if (!isRunning()) {
            throw new IllegalStateException("dynalite is not running");
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the server and returns once its port accepts connections. */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("dynalite is already running");
        }
        Path cli = installedCli();
        String lastFailure = "";
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int candidate = ServerProcesses.freePort();
            Path log = logFile(candidate);
            Process started = launch(cli, candidate, log);
            if (awaitPort(started, candidate)) {
                process = started;
                port = candidate;
                reaper = new Thread(() -> destroyTree(started), "dynalite-reaper");
                Runtime.getRuntime().addShutdownHook(reaper);
                return;
            }
            destroyTree(started);
            lastFailure = ServerProcesses.readLog(log);
            if (!lastFailure.contains("EADDRINUSE")) {
                break;
            }
        }
        throw new IllegalStateException("dynalite did not start within " + STARTUP_TIMEOUT + "; its output:\n"
                + lastFailure);
    }

    /** Stops the server and its child processes; stopping a stopped server does nothing. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        destroyTree(process);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process = null;
        reaper = null;
    }

    /** The directory holding {@code package.json}, from {@code start} up. */
    static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no package.json in " + start + " or above: run the tests inside the "
                + "repository, after `npm ci` at its root");
    }

    private Path installedCli() {
        Path root = repositoryRoot(searchFrom);
        Path cli = root.resolve("node_modules").resolve("dynalite").resolve("cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed (no " + cli + "): run `npm ci` in " + root);
        }
        return cli;
    }

    private static Process launch(Path cli, int port, Path log) {
        List<String> command = List.of("node", cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException cannotRun) {
            throw new IllegalStateException("cannot run `node` (is Node.js installed and on the PATH?)", cannotRun);
        }
    }

    private static boolean awaitPort(Process started, int port) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && started.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException notYet) {
                ServerProcesses.pause(50, "dynalite");
            }
        }
        return false;
    }

    private static void destroyTree(Process root) {
        root.descendants().forEach(ProcessHandle::destroy);
        root.destroy();
        try {
            if (!root.waitFor(5, TimeUnit.SECONDS)) {
                root.descendants().forEach(ProcessHandle::destroyForcibly);
                root.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            root.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }


    /** Beside the build's output when there is one, so a failed run leaves the server's words behind. */
    private static Path logFile(int port) {
        try {
            Path target = Path.of("target");
            Path dir = Files.isDirectory(target) ? target : Files.createTempDirectory("dynalite");
            return dir.resolve("dynalite-" + port + ".log");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }


}
