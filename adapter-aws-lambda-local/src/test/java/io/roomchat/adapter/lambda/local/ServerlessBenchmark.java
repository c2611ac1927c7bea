package io.roomchat.adapter.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.roomchat.adapter.dynamodb.DynamoDbChatStorage;
import io.roomchat.adapter.dynamodb.DynamoDbSettings;
import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.FanoutReport;
import io.roomchat.testkit.DynaliteServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Benchmarks, not tests: excluded from the normal build. Run them with
 * {@code mvn -pl adapter-aws-lambda-local -am verify -Dbenchmarks.excluded= -Dgroups=benchmark -DskipITs
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures go to standard output and {@code target/benchmarks.txt}, and
 * from there, by hand, to {@code docs/benchmarks.md}.
 */
@Tag("benchmark")
class ServerlessBenchmark {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();
    private static final int CONNECTIONS = 1_000;
    private static final Duration CALL_DELAY = Duration.ofMillis(5);
    private static final List<String> REPORT = Collections.synchronizedList(new ArrayList<>());

    @AfterAll
    static void write() throws IOException {
        Path out = Path.of("target", "benchmarks.txt");
        Files.write(out, REPORT, StandardCharsets.UTF_8);
        REPORT.forEach(System.out::println);
    }

    @Test
    void fan_out_to_a_thousand_connections_through_the_local_management_api() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String connectionsTable = "bench-connections-" + suffix;
        String messagesTable = "bench-messages-" + suffix;
        String room = "bench-room-" + suffix;
        List<Integer> inFlight = List.of(64, 16, 1);
        List<LocalServerless> standIns = new ArrayList<>();
        List<WsTestClient> clients = new ArrayList<>();
        try {
            for (int calls : inFlight) {
                standIns.add(StandIns.on(DYNALITE).tables(connectionsTable, messagesTable)
                        .delayPerManagementCall(CALL_DELAY).maxInFlight(calls).start());
            }
            LocalServerless first = standIns.get(0);
            ConnectionStore records = first.wiring().storage().connectionStore();
            long seeding = System.nanoTime();
            for (int i = 1; i < CONNECTIONS; i++) {
                ConnectionId id = new ConnectionId("bench-" + i + "-" + suffix);
                records.add(Connection.opened(id, new UserId("user-" + i), Instant.now()));
                records.switchTo(id, new Membership(new RoomName(room), new DisplayName("User " + i)));
                standIns.forEach(standIn -> standIn.attachSink(id.value(), frame -> { }));
            }
            long seeded = System.nanoTime() - seeding;
            // The thousandth member posts, for real, so that the notification is the one SNS would carry. Its
            // socket stays open (closing it would remove its record) but only its record matters from here on.
            WsTestClient sender = WsTestClient.connect(first.webSocketUri(), StandIns.tokenFor("sender"));
            clients.add(sender);
            assertThat(sender.join(room, "Sender").path("statusCode").asInt()).isEqualTo(200);
            assertThat(sender.post(room, "fan me out").path("statusCode").asInt()).isEqualTo(200);
            sender.nextEvent();
            SNSEvent notification = first.lastNotification().orElseThrow();
            String senderId = records.inRoom(new RoomName(room)).stream().map(c -> c.connectionId().value())
                    .filter(id -> !id.startsWith("bench-")).findFirst().orElseThrow();
            standIns.forEach(standIn -> standIn.attachSink(senderId, frame -> { }));

            REPORT.add("fan-out to " + CONNECTIONS + " connections, " + CALL_DELAY.toMillis()
                    + " ms added per postToConnection; load average before: " + loadAverage()
                    + "; seeding took " + millis(seeded) + " ms");
            REPORT.add("  the RoomIndex query alone (dynalite, " + CONNECTIONS + " items): "
                    + millis(timeQuery(records, room)) + " ms");
            for (int i = 0; i < standIns.size(); i++) {
                int runs = inFlight.get(i) == 1 ? 1 : 5;
                REPORT.add("  " + inFlight.get(i) + " in flight: " + timeFanOut(standIns.get(i), notification, runs));
            }
            REPORT.add("  load average after: " + loadAverage());
        } finally {
            clients.forEach(WsTestClient::close);
            standIns.forEach(LocalServerless::close);
        }
    }

    /** Wall and process CPU time of {@code runs} fan-outs after two warm-up runs (none when sequential). */
    private static String timeFanOut(LocalServerless standIn, SNSEvent notification, int runs) {
        int warmUps = runs == 1 ? 0 : 2;
        List<long[]> timings = new ArrayList<>();
        for (int run = 0; run < warmUps + runs; run++) {
            long cpu = processCpuNanos();
            long started = System.nanoTime();
            FanoutReport report = standIn.wiring().chat().onFanout(notification);
            long took = System.nanoTime() - started;
            cpu = processCpuNanos() - cpu;
            assertThat(report.delivered()).isEqualTo(CONNECTIONS);
            if (run >= warmUps) {
                timings.add(new long[] {took, cpu});
            }
        }
        timings.sort(java.util.Comparator.comparingLong(t -> t[0]));
        long[] median = timings.get(timings.size() / 2);
        return runs == 1
                ? millis(median[0]) + " ms (CPU " + millis(median[1]) + " ms)"
                : "median " + millis(median[0]) + " ms (CPU " + millis(median[1]) + " ms), min "
                        + millis(timings.get(0)[0]) + " ms, max " + millis(timings.get(timings.size() - 1)[0])
                        + " ms, " + runs + " runs";
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    @Test
    void jvm_start_to_first_handled_connect_on_the_deployment_package() throws Exception {
        Path jar = Path.of("..", "adapter-aws-lambda", "target", "chat-lambda.jar");
        Path probeClasses = Path.of("..", "adapter-aws-lambda", "target", "test-classes");
        assertThat(jar).exists();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        DynamoDbSettings tables = DynamoDbSettings.defaults()
                .withTables("cold-connections-" + suffix, "cold-messages-" + suffix).withEndpoint(DYNALITE.endpoint());
        try (DynamoDbChatStorage storage = DynamoDbChatStorage.builder().settings(tables).build()) {
            storage.createTablesIfMissing();
        }
        Map<String, String> env = Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "CONNECTIONS_TABLE", tables.connectionsTable(),
                "MESSAGES_TABLE", tables.messagesTable(),
                "CHAT_DYNAMODB_ENDPOINT", DYNALITE.endpoint().toString(),
                "CHAT_JWT_SECRET", StandIns.SECRET,
                "CHAT_TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:cold-start",
                "CHAT_SNS_ENDPOINT", "http://127.0.0.1:9",
                "PROBE_TOKEN", StandIns.tokenFor("probe-user"));
        REPORT.add("JVM start to first handled $connect, " + jar.normalize() + " ("
                + Files.size(jar) / 1024 + " KiB), java " + System.getProperty("java.version")
                + ", -XX:TieredStopAtLevel=1 as in the template, median of 5 fresh JVMs:");
        // As Lambda runs a function with Tracing: Active; the daemon address is a closed loopback port.
        Map<String, String> traced = new java.util.HashMap<>(env);
        traced.putAll(Map.of("AWS_LAMBDA_FUNCTION_NAME", "probe", "AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:9",
                "LAMBDA_TASK_ROOT", ".",
                "PROBE_TRACE_HEADER", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
        for (Map<String, String> function : List.of(env, traced)) {
            for (String mode : List.of("cold", "primed")) {
                List<Map<String, Long>> runs = new ArrayList<>();
                for (int run = 0; run < 5; run++) {
                    runs.add(probe(jar, probeClasses, function, mode));
                }
                REPORT.add("  " + mode + (function == traced ? " with X-Ray" : "") + ": " + medians(runs));
            }
        }
    }

    private static Map<String, Long> probe(Path jar, Path classes, Map<String, String> env, String mode)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-cp", jar + java.io.File.pathSeparator + classes,
                "io.roomchat.adapter.lambda.boot.ColdStartProbe", mode);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        String line = output.lines().filter(l -> l.startsWith("jvmToMain=")).findFirst().orElseThrow();
        Map<String, Long> values = new java.util.LinkedHashMap<>();
        for (String pair : line.split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }

    private static String medians(List<Map<String, Long>> runs) {
        StringBuilder out = new StringBuilder();
        for (String key : runs.get(0).keySet()) {
            List<Long> values = runs.stream().map(run -> run.get(key)).sorted().toList();
            out.append(key).append(' ').append(values.get(values.size() / 2)).append(" ms; ");
        }
        return out.toString();
    }

    private static long timeQuery(ConnectionStore records, String room) {
        records.inRoom(new RoomName(room));
        long started = System.nanoTime();
        int found = records.inRoom(new RoomName(room)).size();
        assertThat(found).isEqualTo(CONNECTIONS);
        return System.nanoTime() - started;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
