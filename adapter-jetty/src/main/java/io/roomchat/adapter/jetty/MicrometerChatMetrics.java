package io.roomchat.adapter.jetty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.FanoutReport;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The core's metrics port on Micrometer, exposed as Prometheus text at {@code /metrics}: open connections, frames
 * in, messages posted, deliveries by outcome, replies and rejected frames by status.
 */
public final class MicrometerChatMetrics implements ChatMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter framesIn;
    private final Counter messagesPosted;
    private final Counter delivered;
    private final Counter deliveriesGone;
    private final Counter deliveriesFailed;
    private final Map<Status, Counter> replies = new EnumMap<>(Status.class);
    private final Map<Status, Counter> rejected = new EnumMap<>(Status.class);

    public MicrometerChatMetrics() {
        framesIn = Counter.builder("chat.frames.in").description("client frames received").register(registry);
        messagesPosted = Counter.builder("chat.messages.posted").description("new messages stored").register(registry);
        delivered = deliveries("delivered");
        deliveriesGone = deliveries("gone");
        deliveriesFailed = deliveries("failed");
        for (Status status : Status.values()) {
            String code = Integer.toString(status.code());
            replies.put(status, Counter.builder("chat.replies").tag("status", code)
                    .description("replies sent, by status").register(registry));
            if (status != Status.OK) {
                rejected.put(status, Counter.builder("chat.frames.rejected").tag("status", code)
                        .description("client frames rejected, by status").register(registry));
            }
        }
    }

    private Counter deliveries(String outcome) {
        return Counter.builder("chat.deliveries").tag("outcome", outcome)
                .description("events handed to connections, by outcome").register(registry);
    }

    /** Reports the number of open connections, read at every scrape. */
    void trackConnections(IntSupplier openConnections) {
        Gauge.builder("chat.connections", openConnections::getAsInt).description("open WebSocket connections")
                .register(registry);
    }

    /** Exposes a count kept elsewhere, read at every scrape. */
    void countFrom(ReadCounter counter) {
        FunctionCounter.builder(counter.name(), counter.count(), LongSupplier::getAsLong)
                .description(counter.description()).register(registry);
    }

    void upgradeRefused(String reason) {
        Counter.builder("chat.upgrades.refused").tag("reason", reason)
                .description("WebSocket upgrades refused, by reason").register(registry).increment();
    }

    @Override
    public void frameIn() {
        framesIn.increment();
    }

    @Override
    public void replied(Status status) {
        replies.get(status).increment();
        Counter counter = rejected.get(status);
        if (counter != null) {
            counter.increment();
        }
    }

    @Override
    public void messagePosted() {
        messagesPosted.increment();
    }

    @Override
    public void fannedOut(FanoutReport report) {
        delivered.increment(report.delivered());
        deliveriesGone.increment(report.gone());
        deliveriesFailed.increment(report.failed());
    }

    MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry.scrape();
    }
}
