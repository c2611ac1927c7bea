package io.roomchat.adapter.jetty.boot;

import io.roomchat.adapter.jetty.logging.ServerLogging;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar chat-server.jar [options]}: starts the server, and stops it gracefully on SIGTERM or Ctrl-C
 * (sockets closed with 1001, store closed). {@code --help} lists every setting.
 */
@Command(name = "chat-server", mixinStandardHelpOptions = true, version = "roomchat chat-server 0.1.0",
        sortOptions = false, usageHelpWidth = 110,
        description = {"Real-time room chat: wire protocol v1 over WebSocket at ws://HOST:PORT/, the web client at "
                + "http://HOST:PORT/, /health and /metrics.", ""},
        footer = {"", "Every option can be set by the environment variable named in its description; a flag wins.",
                "With neither --jwt-secret nor --jwks-url the server runs in DEV MODE: a random secret, loopback "
                        + "only, and POST /dev/token hands a token to anyone who asks.",
                "Logging: CHAT_LOG_LEVEL (environment only; default INFO), or -Dlogback.configurationFile=FILE."})
public final class Main implements Callable<Integer> {
    /** A service the settings name (the database, Redis) cannot be reached now: the same settings may work later. */
    static final int UNAVAILABLE = 1;
    /** A setting that cannot work. */
    static final int BAD_SETTINGS = 2;
    /** When this class loaded: just after the JVM started, before any setting was read. */
    private static final long LAUNCHED = System.nanoTime();

    @Mixin
    ServerOptions options = new ServerOptions();

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int exit = run(System.getenv(), args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    static int run(Map<String, String> environment, String... args) {
        return ServerOptions.commandLine(new Main(), environment).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerLogging.use(options.logFormat);
        HeapSizing.apply();
        ChatApplication application;
        try {
            application = ChatApplication.start(options, LAUNCHED);
        } catch (StartupException refused) {
            spec.commandLine().getErr().println("chat-server: " + refused.getMessage());
            return refused.exitCode();
        }
        // After a burst of connections, the memory it made the JVM take goes back at once (docs/benchmarks.md).
        HeapSettler settler = HeapSettler.start(application.server()::openConnections);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            settler.close();
            application.close();
        }, "chat-shutdown"));
        application.awaitStop();
        return 0;
    }
}
