package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The product as a user runs it: {@code java -jar target/chat-server.jar} with no settings starts in dev mode,
 * logs one start-up line, serves the page, hands out dev tokens, chats, and stops on SIGTERM with 1001.
 */
class ChatServerJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_jar_starts_in_dev_mode_serves_chats_and_stops_gracefully_on_sigterm() throws Exception {
        Path jar = Path.of("target", "chat-server.jar");
        Path log = Files.createTempFile("chat-server", ".log");
        assertThat(jar).exists();
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", "0", "--store", "memory")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().keySet().removeIf(name -> name.startsWith("CHAT_"));
        long started = System.nanoTime();
        Process server = command.start();
        try {
            int port = awaitPort(server, log);
            long readyMillis = (System.nanoTime() - started) / 1_000_000;
            // Start-up time is a benchmark figure (docs/benchmarks.md), not an assertion: a loaded machine is slow.
            System.out.println("chat-server.jar ready " + readyMillis + " ms after launch");

            URI http = URI.create("http://127.0.0.1:" + port + "/");
            HttpClient client = HttpClient.newHttpClient();
            assertThat(client.send(HttpRequest.newBuilder(http).build(), HttpResponse.BodyHandlers.ofString())
                    .body()).containsIgnoringCase("<html");
            HttpResponse<String> issued = client.send(HttpRequest.newBuilder(http.resolve("/dev/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"jar-user\",\"name\":\"Jar\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            String token = JSON.readTree(issued.body()).path("token").asText();

            WsTestClient chatter = WsTestClient.connect(URI.create("ws://127.0.0.1:" + port + "/"), token);
            assertThat(chatter.join("room-jar", "Jar").path("statusCode").asInt()).isEqualTo(200);
            assertThat(chatter.post("room-jar", "from the jar").path("statusCode").asInt()).isEqualTo(200);

            server.destroy(); // SIGTERM

            assertThat(chatter.awaitClose(Duration.ofSeconds(10))).isEqualTo(1001);
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<String> output = Files.readAllLines(log);
            assertThat(output).noneMatch(line -> line.contains(token));
            List<String> startUp = output.subList(0, output.indexOf(output.stream()
                    .filter(line -> LISTENING.matcher(line).find()).findFirst().orElseThrow()) + 1);
            assertThat(startUp).filteredOn(line -> line.contains(" INFO ")).as("start-up logs one line").hasSize(1);
            assertThat(startUp).anyMatch(line -> line.contains("WARN") && line.contains("DEV MODE"));
            assertThat(String.join("\n", output)).contains("auth dev").contains("store memory")
                    .contains("server shutting down (1001)").contains("stopped");
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static int awaitPort(Process server, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<String> output = Files.readAllLines(log);
            for (String line : output) {
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    return Integer.parseInt(listening.group(1));
                }
            }
            if (!server.isAlive()) {
                throw new AssertionError("the server exited: " + String.join("\n", output));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no start-up line within 20 s: " + Files.readString(log));
    }
}
