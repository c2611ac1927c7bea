package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The busy-disk neighbour on a real file system: it syncs, counts what it wrote, and leaves nothing behind. */
class DiskLoadCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static DiskLoadCommand command(String... args) {
        DiskLoadCommand command = new DiskLoadCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void writes_and_syncs_for_the_duration_and_reports_its_rate() throws Exception {
        DiskLoadCommand command = command("--dir", dir.toString(), "--block-kib", "4", "--file-mib", "1",
                "--writers", "2", "-d", "1", "--progress", "1");

        JsonNode result = JSON.readTree(command.run(new CountDownLatch(1)).toString());

        long syncs = result.path("syncs").asLong();
        double seconds = result.path("seconds").asDouble();
        assertThat(syncs).isPositive();
        assertThat(seconds).isBetween(1.0, 30.0);
        assertThat(result.path("blockBytes").asInt()).isEqualTo(4096);
        // "seconds" is printed to the millisecond and the rates, from the exact time, to 0.1 and 0.01: on a fast
        // disk (thousands of syncs a second) the first rounding alone moves the rate by a few syncs/s.
        double syncRate = syncs / seconds;
        double megabytes = syncs * 4096 / 1e6 / seconds;
        assertThat(result.path("syncsPerSecond").asDouble()).isCloseTo(syncRate, within(0.05 + syncRate * 0.001));
        assertThat(result.path("megabytesPerSecond").asDouble())
                .isCloseTo(megabytes, within(0.005 + megabytes * 0.001));
        assertThat(result.path("syncMs").path("count").asLong()).as("every write-and-sync timed").isEqualTo(syncs);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("the writers' files are deleted").isEmpty();
        }
    }

    @Test
    void without_a_duration_it_runs_until_asked_to_stop() throws Exception {
        DiskLoadCommand command = command("--dir", dir.toString(), "--block-kib", "4", "--file-mib", "1");
        CountDownLatch stop = new CountDownLatch(1);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(stop::countDown, 300, TimeUnit.MILLISECONDS);

            JsonNode result = JSON.readTree(command.run(stop).toString());

            assertThat(result.path("syncs").asLong()).isPositive();
            assertThat(result.path("seconds").asDouble()).isLessThan(30.0);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void refuses_settings_past_its_limits_and_a_missing_directory() {
        assertThatThrownBy(() -> command("--dir", dir.toString(), "--block-kib", "0").run(new CountDownLatch(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--block-kib");
        assertThatThrownBy(() -> command("--dir", dir.toString(), "--writers", "17").run(new CountDownLatch(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--writers");
        assertThatThrownBy(() -> command("--dir", dir.toString(), "--block-kib", "2048", "--file-mib", "1")
                .run(new CountDownLatch(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--file-mib");
        assertThatThrownBy(() -> command("--dir", dir.resolve("missing").toString(), "-d", "1")
                .run(new CountDownLatch(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a directory");
    }
}
