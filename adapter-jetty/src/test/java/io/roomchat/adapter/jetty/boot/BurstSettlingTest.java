package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the server collects the heap on its own: after a burst of connections has settled, and not often. */
class BurstSettlingTest {
    private static final long SECOND = 1_000_000_000L;
    private long now = 1_000 * SECOND;
    private final BurstSettling settling = new BurstSettling(1000, Duration.ofSeconds(2), Duration.ofSeconds(60), 0,
            now);

    @Test
    void a_burst_that_has_stayed_quiet_for_the_quiet_period_is_collected_once() {
        assertThat(look(600)).isFalse();
        assertThat(lookAfter(1, 10_000)).isFalse();
        assertThat(lookAfter(1, 10_000)).as("quiet for 1 s only").isFalse();
        assertThat(lookAfter(1, 10_000)).as("quiet for 2 s").isTrue();

        assertThat(lookAfter(1, 10_000)).as("nothing new since").isFalse();
        assertThat(lookAfter(120, 10_000)).isFalse();
    }

    @Test
    void a_count_still_moving_is_not_collected() {
        for (int open = 1000; open <= 20_000; open += 1000) {
            assertThat(lookAfter(1, open)).isFalse();
        }
    }

    @Test
    void small_churn_after_a_burst_does_not_hold_the_collection_back() {
        lookAfter(1, 5_000);
        assertThat(lookAfter(1, 5_010)).isFalse();
        assertThat(lookAfter(1, 4_990)).as("within the band of burst / 20 for 2 s").isTrue();
    }

    @Test
    void a_burst_whose_connections_are_still_joining_waits_until_the_allocation_stops() {
        lookAfter(1, 10_000);
        assertThat(settling.collectNow(10_000, true, now += 2 * SECOND)).as("still allocating").isFalse();
        assertThat(settling.collectNow(10_000, true, now += 2 * SECOND)).isFalse();
        assertThat(lookAfter(1, 10_000)).as("quiet for 1 s").isFalse();
        assertThat(lookAfter(1, 10_000)).as("quiet for 2 s").isTrue();
    }

    @Test
    void fewer_connections_than_a_burst_are_never_collected_for() {
        lookAfter(1, 999);
        assertThat(lookAfter(10, 999)).isFalse();
        assertThat(lookAfter(100, 999)).isFalse();
    }

    @Test
    void a_burst_of_closes_counts_as_a_burst() {
        lookAfter(1, 3_000);
        assertThat(lookAfter(3, 3_000)).isTrue();
        lookAfter(61, 0);
        assertThat(lookAfter(3, 0)).isTrue();
    }

    @Test
    void a_second_burst_within_the_spacing_waits_for_it() {
        lookAfter(1, 2_000);
        assertThat(lookAfter(3, 2_000)).isTrue();
        lookAfter(1, 4_000);
        assertThat(lookAfter(3, 4_000)).as("4 s after the last collection").isFalse();
        assertThat(lookAfter(50, 4_000)).as("54 s after").isFalse();
        assertThat(lookAfter(6, 4_000)).as("60 s after").isTrue();
    }

    @Test
    void settings_that_cannot_work_are_refused() {
        assertThatThrownBy(() -> new BurstSettling(0, Duration.ofSeconds(2), Duration.ZERO, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BurstSettling(10, Duration.ofSeconds(-1), Duration.ZERO, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BurstSettling(10, Duration.ZERO, Duration.ZERO, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private boolean look(int open) {
        return settling.collectNow(open, false, now);
    }

    private boolean lookAfter(int seconds, int open) {
        now += seconds * SECOND;
        return look(open);
    }
}
