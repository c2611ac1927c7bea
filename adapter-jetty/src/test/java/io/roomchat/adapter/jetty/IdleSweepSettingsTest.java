package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How often the idle sweep runs for an idle timeout, and the timeouts it refuses. */
class IdleSweepSettingsTest {
    private final JettyConnectionGateway gateway = new JettyConnectionGateway(null, null, Duration.ofSeconds(1));

    @Test
    void it_sweeps_at_a_tenth_of_the_idle_timeout_and_at_least_once_a_second() {
        assertThat(new IdleSweep(gateway, Duration.ofMillis(600)).periodMillis()).isEqualTo(60);
        assertThat(new IdleSweep(gateway, Duration.ofSeconds(10)).periodMillis()).isEqualTo(1_000);
        assertThat(new IdleSweep(gateway, Duration.ofMinutes(10)).periodMillis()).isEqualTo(1_000);
        assertThat(new IdleSweep(gateway, Duration.ofNanos(1)).periodMillis()).isEqualTo(1);
    }

    @Test
    void an_idle_timeout_that_is_not_positive_is_refused() {
        assertThatThrownBy(() -> new IdleSweep(gateway, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new IdleSweep(gateway, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}
