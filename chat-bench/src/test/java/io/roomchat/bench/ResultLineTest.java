package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void is_one_line_of_json_with_latencies_in_milliseconds() {
        Histogram micros = new Histogram(3);
        micros.recordValue(1_000);
        micros.recordValue(2_000);

        String line = new ResultLine().put("label", "fanout").put("lost", 0).putLatency("latencyMs", micros)
                .toString();

        assertThat(line).doesNotContain("\n")
                .startsWith("{\"label\":\"fanout\",\"lost\":0,\"latencyMs\":{\"count\":2,\"p50\":1.0,")
                .contains("\"max\":2.0");
    }
}
