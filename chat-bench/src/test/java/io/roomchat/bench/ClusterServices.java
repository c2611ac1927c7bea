package io.roomchat.bench;

import io.roomchat.testkit.PostgresServer;
import io.roomchat.testkit.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * The shared services of a benchmark cluster, from the artifacts the tests use (chat-testkit's servers): one
 * PostgreSQL with a fresh database and one Redis, on free loopback ports. Writes their addresses as shell
 * assignments ({@code CHAT_DATABASE_URL=...}, {@code CHAT_REDIS_URL=...}) to the file named by its argument, then
 * holds them until it is stopped (SIGTERM), when it stops both. run-cluster-benchmark.sh runs it.
 */
final class ClusterServices {
    private ClusterServices() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: ClusterServices ENV_FILE");
            System.exit(2);
        }
        PostgresServer postgres = new PostgresServer();
        RedisServer redis = new RedisServer();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            redis.stop();
            postgres.stop();
            stopped.countDown();
        }, "cluster-services-stop"));
        postgres.start();
        redis.start();
        Path env = Path.of(args[0]);
        Path written = Files.createTempFile(env.toAbsolutePath().getParent(), "services", ".env");
        Files.writeString(written, "CHAT_DATABASE_URL=" + postgres.newDatabase() + "\n"
                + "CHAT_DATABASE_USER=" + PostgresServer.USER + "\n"
                + "CHAT_REDIS_URL=" + redis.url() + "\n");
        // Renamed into place only when complete: the script waits for the file to appear.
        Files.move(written, env, StandardCopyOption.ATOMIC_MOVE);
        System.err.println("cluster services: PostgreSQL and Redis up; addresses in " + env);
        stopped.await();
    }
}
