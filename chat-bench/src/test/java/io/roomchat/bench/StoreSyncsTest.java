package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSyncsTest {
    private static final String H2_METRICS = """
            # HELP chat_store_syncs_seconds H2 group syncs
            # TYPE chat_store_syncs_seconds histogram
            chat_store_syncs_seconds_bucket{le="0.001"} 10
            chat_store_syncs_seconds_count 40
            chat_store_syncs_seconds_sum 0.2
            chat_store_sync_writes_count 40
            chat_store_sync_writes_sum 400.0
            chat_store_sync_writes_max 31.0
            """;

    @Test
    void reads_the_sync_count_time_and_writes_from_prometheus_text() {
        assertThat(StoreSyncs.parse(H2_METRICS)).contains(new StoreSyncs.Reading(40, 0.2, 400));
    }

    @Test
    void a_server_without_sync_meters_has_no_reading() {
        assertThat(StoreSyncs.parse("chat_messages_posted_total 5.0\n")).isEmpty();
        assertThat(StoreSyncs.parse("chat_store_syncs_seconds_count 40\n")).as("half the counters").isEmpty();
    }

    @Test
    void the_window_is_the_difference_per_second_and_per_sync() {
        Map<String, Object> window = StoreSyncs.between(new StoreSyncs.Reading(40, 0.2, 400),
                new StoreSyncs.Reading(340, 1.7, 4_000), 10);

        assertThat(window).containsEntry("syncs", 300L).containsEntry("writes", 3_600L).containsEntry("seconds", 10.0)
                .containsEntry("syncsPerSecond", 30.0).containsEntry("writesPerSync", 12.0)
                .containsEntry("meanSyncMs", 5.0);
    }

    @Test
    void the_rate_is_over_the_time_between_the_two_readings() {
        Map<String, Object> window = StoreSyncs.between(
                new StoreSyncs.Timed(new StoreSyncs.Reading(0, 0, 0), 1_000_000_000L),
                new StoreSyncs.Timed(new StoreSyncs.Reading(50, 0.1, 100), 5_000_000_000L));

        assertThat(window).containsEntry("seconds", 4.0).containsEntry("syncsPerSecond", 12.5)
                .containsEntry("writesPerSync", 2.0);
    }

    @Test
    void a_window_without_syncs_reports_zero_per_sync_not_a_division_by_zero() {
        Map<String, Object> window = StoreSyncs.between(new StoreSyncs.Reading(40, 0.2, 400),
                new StoreSyncs.Reading(40, 0.2, 400), 10);

        assertThat(window).containsEntry("syncs", 0L).containsEntry("writesPerSync", 0.0)
                .containsEntry("meanSyncMs", 0.0);
    }
}
