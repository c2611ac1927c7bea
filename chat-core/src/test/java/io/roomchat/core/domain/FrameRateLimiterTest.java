package io.roomchat.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FrameRateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final FrameRateLimiter limiter = new FrameRateLimiter(10, 20, nanos::get);

    private int acquired(int attempts) {
        int ok = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire()) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void a_burst_of_twenty_passes_and_the_twenty_first_frame_is_refused() {
        assertThat(acquired(20)).isEqualTo(20);
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void the_budget_refills_at_ten_frames_a_second() {
        acquired(20);

        nanos.addAndGet(100_000_000L);
        assertThat(acquired(5)).isEqualTo(1);

        nanos.addAndGet(1_000_000_000L);
        assertThat(acquired(20)).isEqualTo(10);
    }

    @Test
    void refused_frames_cost_nothing_and_idle_time_never_saves_more_than_one_burst() {
        acquired(20);
        acquired(1_000);

        nanos.addAndGet(60_000_000_000L);

        assertThat(acquired(100)).isEqualTo(20);
    }
}
