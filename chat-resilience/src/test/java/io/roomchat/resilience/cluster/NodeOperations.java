package io.roomchat.resilience.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node's {@code /health} and {@code /metrics}, read as an operator's tools read them. */
final class NodeOperations {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeOperations() {
    }

    /** {@code /health}'s body. */
    static JsonNode health(URI node) {
        try {
            return JSON.readTree(get(node, "/health"));
        } catch (IOException unreadable) {
            throw new AssertionError("GET /health: not JSON", unreadable);
        }
    }

    /** A counter of {@code /metrics} (Prometheus text); fails when it is missing. */
    static long counter(URI node, String name) {
        String metrics = get(node, "/metrics");
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.E+]+)$").matcher(metrics);
        assertThat(line.find()).as("%s in /metrics of %s", name, node).isTrue();
        return (long) Double.parseDouble(line.group(1));
    }

    private static String get(URI node, String path) {
        HttpRequest request = HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofSeconds(30)).GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException failed) {
            throw new AssertionError("GET " + path + " failed: " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
