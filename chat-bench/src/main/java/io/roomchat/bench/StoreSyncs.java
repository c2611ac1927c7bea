package io.roomchat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The H2 store's group syncs as the servers' {@code /metrics} count them ({@code chat_store_syncs_seconds} and
 * {@code chat_store_sync_writes}), read at both edges of the measured window: syncs per second, writes per sync and
 * the mean sync time over it. Rates are over the time between the two readings, which a slow scrape moves. Servers on another store expose none, and the result then has no such field.
 */
final class StoreSyncs {
    /** Generous: a server near saturation on a busy machine has answered a scrape in 14-18 s. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private StoreSyncs() {
    }

    /** The counters of one moment, the servers' together. */
    record Reading(double syncs, double syncSeconds, double writes) {
        Reading plus(Reading other) {
            return new Reading(syncs + other.syncs, syncSeconds + other.syncSeconds, writes + other.writes);
        }
    }

    /** A reading and when it was taken ({@link System#nanoTime()} once every server had answered). */
    record Timed(Reading reading, long atNanos) {
    }

    /**
     * Every server's counters summed; empty when one of them exposes none, or cannot be read (said on
     * {@code log}: on a saturated server the scrape itself can fail).
     */
    static Optional<Timed> read(List<URI> webSocketUris, Progress log) {
        Reading sum = new Reading(0, 0, 0);
        for (URI server : webSocketUris) {
            Optional<Reading> reading = fetch(server, log).flatMap(StoreSyncs::parse);
            if (reading.isEmpty()) {
                return Optional.empty();
            }
            sum = sum.plus(reading.get());
        }
        return Optional.of(new Timed(sum, System.nanoTime()));
    }

    private static Optional<String> fetch(URI webSocketUri, Progress log) {
        URI metrics = URI.create(webSocketUri.toString().replaceFirst("^ws", "http")).resolve("/metrics");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(metrics).timeout(READ_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.line("%s answered %d: no store syncs in the result", metrics, response.statusCode());
                return Optional.empty();
            }
            return Optional.of(response.body());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException unreadable) {
            log.line("%s could not be read (%s): no store syncs in the result", metrics, unreadable);
            return Optional.empty();
        }
    }

    /** The sync counters in a Prometheus text exposition, if it has them. */
    static Optional<Reading> parse(String prometheusText) {
        Optional<Double> syncs = value(prometheusText, "chat_store_syncs_seconds_count");
        Optional<Double> seconds = value(prometheusText, "chat_store_syncs_seconds_sum");
        Optional<Double> writes = value(prometheusText, "chat_store_sync_writes_sum");
        if (syncs.isEmpty() || seconds.isEmpty() || writes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reading(syncs.get(), seconds.get(), writes.get()));
    }

    private static Optional<Double> value(String text, String name) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(text);
        return line.find() ? Optional.of(Double.parseDouble(line.group(1))) : Optional.empty();
    }

    /** What happened between two readings, for the result line. */
    static Map<String, Object> between(Timed first, Timed second) {
        return between(first.reading(), second.reading(), (second.atNanos() - first.atNanos()) / 1e9);
    }

    /** What happened between two readings {@code seconds} apart. */
    static Map<String, Object> between(Reading from, Reading to, double seconds) {
        double syncs = to.syncs - from.syncs;
        double writes = to.writes - from.writes;
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("syncs", Math.round(syncs));
        window.put("writes", Math.round(writes));
        window.put("seconds", round2(seconds));
        window.put("syncsPerSecond", round2(syncs / seconds));
        window.put("writesPerSync", syncs == 0 ? 0 : round2(writes / syncs));
        window.put("meanSyncMs", syncs == 0 ? 0 : round2((to.syncSeconds - from.syncSeconds) * 1000 / syncs));
        return window;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
