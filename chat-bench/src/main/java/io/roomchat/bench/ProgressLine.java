package io.roomchat.bench;

import org.HdrHistogram.Histogram;

/** One progress line: what happened since the last one. */
final class ProgressLine {
    private final LoadStats stats;
    private final Fleet fleet;
    private final Progress log;
    private long lastNanos = System.nanoTime();
    private long lastPosts;
    private long lastDeliveries;

    ProgressLine(LoadStats stats, Fleet fleet, Progress log) {
        this.stats = stats;
        this.fleet = fleet;
        this.log = log;
    }

    void print() {
        long now = System.nanoTime();
        double seconds = (now - lastNanos) / 1e9;
        long posts = stats.posts();
        long deliveries = stats.deliveries();
        Histogram interval = stats.progressInterval();
        log.line("posts/s %7.0f | deliveries/s %8.0f | latency ms p50 %7.2f p99 %7.2f max %7.2f | acked %d "
                        + "refused %d | open %d closed %d",
                (posts - lastPosts) / seconds, (deliveries - lastDeliveries) / seconds,
                interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0,
                interval.getMaxValue() / 1000.0, stats.acks(), stats.refusalCount(), fleet.openCount(),
                stats.closedDuringRun());
        lastNanos = now;
        lastPosts = posts;
        lastDeliveries = deliveries;
    }
}
