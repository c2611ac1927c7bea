package io.roomchat.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters and latency recorders shared by every socket of a run. Latencies are recorded in microseconds twice:
 * once for the progress lines (every sample) and once for the result (only messages sent after the warm-up); and a
 * third time, for a join storm, when the message was sent while the storm ran.
 */
final class LoadStats {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(5);
    /** Event types counted by name; a server sending more kinds than this has them counted as foreign frames. */
    static final int MAX_EVENT_TYPES = 16;

    private final Recorder progressLatency = new Recorder(MAX_MICROS, 3);
    private final Recorder measuredLatency = new Recorder(MAX_MICROS, 3);
    private final Recorder measuredAckLatency = new Recorder(MAX_MICROS, 3);
    private final Histogram latencyTotal = new Histogram(MAX_MICROS, 3);
    private final Histogram ackLatencyTotal = new Histogram(MAX_MICROS, 3);
    private final Recorder stormLatency = new Recorder(MAX_MICROS, 3);
    private final Recorder stormAckLatency = new Recorder(MAX_MICROS, 3);
    private final Histogram stormLatencyTotal = new Histogram(MAX_MICROS, 3);
    private final Histogram stormAckLatencyTotal = new Histogram(MAX_MICROS, 3);
    private final LongAdder typed = new LongAdder();
    private final LongAdder typingAcks = new LongAdder();
    private final Map<Integer, LongAdder> typingRefusals = new ConcurrentHashMap<>();
    private final PresenceLedger presence = new PresenceLedger();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder windowDeliveries = new LongAdder();
    private final LongAdder posts = new LongAdder();
    private final LongAdder acks = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();
    private final LongAdder foreignFrames = new LongAdder();
    private final LongAdder connectErrors = new LongAdder();
    private final LongAdder closedDuringRun = new LongAdder();
    private final Map<Integer, LongAdder> refusals = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> closeCodes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> events = new ConcurrentHashMap<>();
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureTo = Long.MAX_VALUE;
    private volatile long stormFrom = Long.MAX_VALUE;
    private volatile long stormTo = Long.MAX_VALUE;

    /** Messages sent from {@code from} count in the result; deliveries/s counts receipts in [from, to). */
    void window(long fromNanos, long toNanos) {
        measureFrom = fromNanos;
        measureTo = toNanos;
    }

    /** Messages sent from {@code fromNanos} on count as sent during the storm, until {@link #stormEnded}. */
    void stormStarted(long fromNanos) {
        stormFrom = fromNanos;
    }

    void stormEnded(long toNanos) {
        stormTo = toNanos;
    }

    private boolean duringStorm(long sentNanos) {
        return sentNanos >= stormFrom && sentNanos < stormTo;
    }

    void delivered(BenchText.Stamp stamp, long nowNanos, boolean first) {
        deliveries.increment();
        if (!first) {
            return;
        }
        long micros = Math.max(0, (nowNanos - stamp.sentNanos()) / 1000);
        progressLatency.recordValue(Math.min(micros, MAX_MICROS));
        if (stamp.sentNanos() >= measureFrom) {
            measuredLatency.recordValue(Math.min(micros, MAX_MICROS));
        }
        if (duringStorm(stamp.sentNanos())) {
            stormLatency.recordValue(Math.min(micros, MAX_MICROS));
        }
        if (nowNanos >= measureFrom && nowNanos < measureTo) {
            windowDeliveries.increment();
        }
    }

    void acknowledged(long sentNanos, long nowNanos) {
        acks.increment();
        long micros = Math.min(MAX_MICROS, Math.max(0, (nowNanos - sentNanos) / 1000));
        if (sentNanos >= measureFrom) {
            measuredAckLatency.recordValue(micros);
        }
        if (duringStorm(sentNanos)) {
            stormAckLatency.recordValue(micros);
        }
    }

    void typed() {
        typed.increment();
    }

    /** The reply to a typing frame: apart from posts', so typing never counts as a post's answer. */
    void typingAnswered(int status) {
        if (status == 200) {
            typingAcks.increment();
        } else {
            typingRefusals.computeIfAbsent(status, code -> new LongAdder()).increment();
        }
    }

    PresenceLedger presence() {
        return presence;
    }

    void refused(int status) {
        refusals.computeIfAbsent(status, code -> new LongAdder()).increment();
    }

    void posted() {
        posts.increment();
    }

    void sendFailed() {
        sendFailures.increment();
    }

    void foreignFrame() {
        foreignFrames.increment();
    }

    /** A v2 event that is not a benchmark message ({@code presence}, {@code typing}, {@code read}, ...). */
    void event(String type) {
        if (events.size() < MAX_EVENT_TYPES || events.containsKey(type)) {
            events.computeIfAbsent(type, t -> new LongAdder()).increment();
        } else {
            foreignFrames.increment();
        }
    }

    void connectFailed() {
        connectErrors.increment();
    }

    void closedDuringRun(int code) {
        closedDuringRun.increment();
        closeCodes.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** Latencies since the last call, for a progress line. */
    Histogram progressInterval() {
        return progressLatency.getIntervalHistogram();
    }

    /** Every measured latency so far (the recorder's intervals, accumulated). */
    synchronized Histogram measuredLatency() {
        return accumulated(latencyTotal, measuredLatency);
    }

    synchronized Histogram measuredAckLatency() {
        return accumulated(ackLatencyTotal, measuredAckLatency);
    }

    /** Delivery latencies of the messages sent while the storm ran. */
    synchronized Histogram stormLatency() {
        return accumulated(stormLatencyTotal, stormLatency);
    }

    synchronized Histogram stormAckLatency() {
        return accumulated(stormAckLatencyTotal, stormAckLatency);
    }

    long typingSent() {
        return typed.sum();
    }

    long typingAcks() {
        return typingAcks.sum();
    }

    Map<Integer, Long> typingRefusals() {
        return sorted(typingRefusals);
    }

    long typingAnswers() {
        return typingAcks.sum() + total(typingRefusals);
    }

    long deliveries() {
        return deliveries.sum();
    }

    long windowDeliveries() {
        return windowDeliveries.sum();
    }

    long posts() {
        return posts.sum();
    }

    long acks() {
        return acks.sum();
    }

    long sendFailures() {
        return sendFailures.sum();
    }

    long foreignFrames() {
        return foreignFrames.sum();
    }

    long connectErrors() {
        return connectErrors.sum();
    }

    long closedDuringRun() {
        return closedDuringRun.sum();
    }

    Map<Integer, Long> refusals() {
        return sorted(refusals);
    }

    Map<Integer, Long> closeCodes() {
        return sorted(closeCodes);
    }

    Map<String, Long> events() {
        return sorted(events);
    }

    long refusalCount() {
        return total(refusals);
    }

    private static long total(Map<Integer, LongAdder> counts) {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Adds what {@code recorder} took since the last call to {@code total}; a copy of the sum. */
    private static Histogram accumulated(Histogram total, Recorder recorder) {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    private static <K> Map<K, Long> sorted(Map<K, LongAdder> counts) {
        Map<K, Long> copy = new TreeMap<>();
        counts.forEach((code, count) -> copy.put(code, count.sum()));
        return copy;
    }
}
