package io.roomchat.testkit;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ReadPositions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReadPositions} must do; run by a subclass that says how to build it. Users and rooms are
 * random, so the store may be shared between tests. Durability across a restart is checked where the subclass can
 * {@linkplain #reopen() reopen} the same data; elsewhere that test shows as skipped.
 */
public abstract class ReadPositionsContract {

    protected ReadPositions positions;

    protected abstract ReadPositions createPositions();

    protected boolean canReopen() {
        return false;
    }

    /** A new instance over the same durable data as {@link #positions}, as after a process restart. */
    protected ReadPositions reopen() {
        throw new UnsupportedOperationException();
    }

    @BeforeEach
    void createPositionsUnderTest() {
        positions = createPositions();
    }

    @Test
    void a_user_who_never_read_a_room_has_no_position() {
        assertThat(positions.position(user(), room())).isEmpty();
    }

    @Test
    void the_first_read_sets_the_position() {
        UserId user = user();
        RoomName room = room();

        assertThat(positions.advance(user, room, T0)).isEqualTo(T0);
        assertThat(positions.position(user, room)).contains(T0);
    }

    @Test
    void a_later_read_moves_the_position_forward() {
        UserId user = user();
        RoomName room = room();
        positions.advance(user, room, T0);

        assertThat(positions.advance(user, room, T0.plusMillis(1))).isEqualTo(T0.plusMillis(1));
        assertThat(positions.position(user, room)).contains(T0.plusMillis(1));
    }

    @Test
    void an_earlier_or_equal_read_never_moves_it_back_and_answers_the_current_one() {
        UserId user = user();
        RoomName room = room();
        positions.advance(user, room, T0.plusSeconds(5));

        assertThat(positions.advance(user, room, T0)).isEqualTo(T0.plusSeconds(5));
        assertThat(positions.advance(user, room, T0.plusSeconds(5))).isEqualTo(T0.plusSeconds(5));
        assertThat(positions.position(user, room)).contains(T0.plusSeconds(5));
    }

    @Test
    void positions_are_per_user_and_per_room() {
        UserId ada = user();
        UserId bob = user();
        RoomName general = room();
        RoomName random = room();

        positions.advance(ada, general, T0.plusSeconds(3));
        positions.advance(bob, general, T0.plusSeconds(1));
        positions.advance(ada, random, T0.plusSeconds(2));

        assertThat(positions.position(ada, general)).contains(T0.plusSeconds(3));
        assertThat(positions.position(bob, general)).contains(T0.plusSeconds(1));
        assertThat(positions.position(ada, random)).contains(T0.plusSeconds(2));
        assertThat(positions.position(bob, random)).isEmpty();
    }

    @Test
    void of_racing_reads_the_latest_wins_and_none_moves_it_back() throws Exception {
        UserId user = user();
        RoomName room = room();
        int readers = 12;
        List<Callable<Instant>> reads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            Instant at = T0.plusMillis((i * 7L) % readers);
            reads.add(() -> positions.advance(user, room, at));
        }

        List<Instant> answers = Concurrently.run(reads);

        Instant latest = T0.plusMillis(readers - 1);
        assertThat(positions.position(user, room)).contains(latest);
        for (int i = 0; i < readers; i++) {
            assertThat(answers.get(i)).as("never before what that call asked for")
                    .isAfterOrEqualTo(T0.plusMillis((i * 7L) % readers));
        }
    }

    @Test
    void positions_survive_a_reopen() {
        assumeTrue(canReopen(), "this store keeps nothing across a restart");
        UserId user = user();
        RoomName room = room();
        positions.advance(user, room, T0.plusSeconds(4));

        ReadPositions reopened = reopen();

        assertThat(reopened.position(user, room)).contains(T0.plusSeconds(4));
        assertThat(reopened.advance(user, room, T0)).isEqualTo(T0.plusSeconds(4));
    }
}
