package io.roomchat.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The one machine-readable line a run ends with: a flat JSON object, fields in the order they are put. */
final class ResultLine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    ResultLine put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** Percentiles of a histogram of microseconds, in milliseconds with three decimals. */
    ResultLine putLatency(String name, Histogram micros) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", micros.getTotalCount());
        summary.put("p50", millis(micros.getValueAtPercentile(50)));
        summary.put("p90", millis(micros.getValueAtPercentile(90)));
        summary.put("p99", millis(micros.getValueAtPercentile(99)));
        summary.put("p999", millis(micros.getValueAtPercentile(99.9)));
        summary.put("max", millis(micros.getMaxValue()));
        fields.put(name, summary);
        return this;
    }

    static double millis(long micros) {
        return Math.round(micros) / 1000.0;
    }

    @Override
    public String toString() {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
