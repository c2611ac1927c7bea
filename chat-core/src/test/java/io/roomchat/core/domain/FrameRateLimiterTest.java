package io.roomchat.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FrameRateLimiterTest {
    private static final FrameRate TEN_A_SECOND_BURST_TWENTY = FrameRate.of(10, 20);
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final FrameRateLimiter limiter = new FrameRateLimiter();

    private int taken(int attempts, long millisAfterStart) {
        int ok = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryTake(TEN_A_SECOND_BURST_TWENTY, START.plusMillis(millisAfterStart))) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void a_burst_of_twenty_passes_and_the_twenty_first_frame_is_refused() {
        assertThat(taken(20, 0)).isEqualTo(20);
        assertThat(taken(1, 0)).isZero();
    }

    @Test
    void the_budget_refills_at_ten_frames_a_second() {
        taken(20, 0);

        assertThat(taken(5, 100)).isEqualTo(1);
        assertThat(taken(20, 1_100)).isEqualTo(10);
    }

    @Test
    void refused_frames_cost_nothing_and_idle_time_never_saves_more_than_one_burst() {
        taken(20, 0);
        taken(1_000, 0);

        assertThat(taken(100, 60_000)).isEqualTo(20);
    }

    @Test
    void a_clock_that_goes_back_starts_the_budget_over_rather_than_lock_the_connection_out() {
        taken(20, 60_000);

        assertThat(taken(1, 0)).as("a minute back").isEqualTo(1);
    }
}
