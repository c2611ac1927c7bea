package io.roomchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRate;
import io.roomchat.core.port.out.FrameBudgets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FrameBudgets} must do, at 10 frames a second with bursts of 5. Time is passed in, so nothing
 * here waits; ids are random, so the store may be shared between tests.
 */
public abstract class FrameBudgetsContract {
    private static final FrameRate TEN_A_SECOND_BURST_FIVE = FrameRate.of(10, 5);
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    protected FrameBudgets budgets;

    /** The budgets to test: new, or shared between tests. */
    protected abstract FrameBudgets createBudgets();

    /** A connection the budgets' store knows, as after {@code $connect}. */
    protected abstract ConnectionId openConnection();

    @BeforeEach
    void createBudgetsUnderTest() {
        budgets = createBudgets();
    }

    private boolean take(ConnectionId connection, long millisAfterStart) {
        return budgets.tryTake(connection, TEN_A_SECOND_BURST_FIVE, START.plusMillis(millisAfterStart));
    }

    private int taken(ConnectionId connection, int attempts, long millisAfterStart) {
        int taken = 0;
        for (int i = 0; i < attempts; i++) {
            taken += take(connection, millisAfterStart) ? 1 : 0;
        }
        return taken;
    }

    @Test
    void a_new_connection_has_its_burst_and_the_next_frame_at_the_same_instant_is_refused() {
        ConnectionId connection = openConnection();

        assertThat(taken(connection, 5, 0)).isEqualTo(5);
        assertThat(take(connection, 0)).isFalse();
    }

    @Test
    void a_refused_frame_costs_nothing_and_the_budget_refills_at_the_rate() {
        ConnectionId connection = openConnection();
        taken(connection, 5, 0);
        assertThat(taken(connection, 10, 0)).isZero();

        assertThat(take(connection, 99)).as("not yet a whole interval later").isFalse();
        assertThat(take(connection, 100)).as("one interval later").isTrue();
        assertThat(take(connection, 100)).isFalse();
        assertThat(taken(connection, 5, 300)).as("two more intervals").isEqualTo(2);
    }

    @Test
    void a_long_silence_refills_the_burst_but_never_more() {
        ConnectionId connection = openConnection();
        taken(connection, 5, 0);

        assertThat(taken(connection, 10, 60_000)).isEqualTo(5);
    }

    @Test
    void frames_at_the_rate_are_never_refused() {
        ConnectionId connection = openConnection();

        for (int i = 0; i < 30; i++) {
            assertThat(take(connection, i * 100L)).as("frame %d", i).isTrue();
        }
    }

    @Test
    void each_connection_has_its_own_budget() {
        ConnectionId spender = openConnection();
        ConnectionId other = openConnection();
        taken(spender, 5, 0);

        assertThat(taken(other, 5, 0)).isEqualTo(5);
    }

    @Test
    void a_connection_the_store_does_not_know_is_not_refused() {
        ConnectionId unknown = Samples.connectionId();

        assertThat(taken(unknown, 10, 0)).isEqualTo(10);
    }

    @Test
    void racing_frames_get_exactly_the_burst() throws Exception {
        ConnectionId connection = openConnection();
        List<Callable<Boolean>> frames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            frames.add(() -> take(connection, 0));
        }

        List<Boolean> results = Concurrently.run(frames);

        assertThat(results).filteredOn(taken -> taken).hasSize(5);
    }
}
