package io.roomchat.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What the test servers (dynalite, PostgreSQL, Redis) each need to start a process on loopback. */
final class ServerProcesses {
    private ServerProcesses() {
    }

    /**
     * Whether the test class of {@code context} is a {@code @Nested} one: it runs inside its enclosing class's server,
     * which an extension registered there already started, so it must neither start nor stop it again.
     */
    static boolean isNested(ExtensionContext context) {
        return context.getTestClass()
                .map(type -> type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))
                .orElse(false);
    }

    /** A loopback port free right now (another process may still take it before the server binds it). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException("no free loopback port", failure);
        }
    }

    /** What a server wrote to {@code log}, for the failure that reports it. */
    static String readLog(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "(no output: " + unreadable.getMessage() + ")";
        }
    }

    /** A pause while a server starts; an interrupt ends the start. */
    static void pause(long millis, String starting) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + starting, interrupted);
        }
    }
}
