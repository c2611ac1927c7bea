package io.roomchat.adapter.redis;

import static io.roomchat.adapter.redis.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The heartbeat's schedule: a run that throws, even an Error, does not end the repeating. */
class RepeatingTest {
    @Test
    void runsThatThrowAreFollowedByMoreRuns() {
        AtomicInteger runs = new AtomicInteger();
        try (Repeating repeating = new Repeating("test-repeating", Duration.ofMillis(10), () -> {
            switch (runs.incrementAndGet()) {
                case 1 -> throw new IllegalStateException("first run fails");
                case 2 -> throw new OutOfMemoryError("second run fails harder");
                default -> {
                }
            }
        })) {
            repeating.start();

            await(() -> assertThat(runs.get()).isGreaterThanOrEqualTo(4));
        }
    }

    @Test
    void aPeriodMustBePositive() {
        assertThatThrownBy(() -> new Repeating("test-repeating", Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
