package io.roomchat.testkit;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.RoomBans;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RoomBans} must do; run by a subclass that says how to build it. Users and rooms are random,
 * so the bans may be shared between tests; time is the {@code now} each call is given, never the clock. Durability
 * across a restart is checked where the subclass can {@linkplain #reopen() reopen} the same data; elsewhere that
 * test shows as skipped.
 */
public abstract class RoomBansContract {

    protected RoomBans bans;

    protected abstract RoomBans createBans();

    protected boolean canReopen() {
        return false;
    }

    /** A new instance over the same durable data as {@link #bans}, as after a process restart. */
    protected RoomBans reopen() {
        throw new UnsupportedOperationException();
    }

    @BeforeEach
    void createBansUnderTest() {
        bans = createBans();
    }

    @Test
    void a_user_never_banned_is_not_banned() {
        assertThat(bans.bannedUntil(room(), user(), T0)).isEmpty();
    }

    @Test
    void a_ban_runs_until_its_end_and_reads_as_none_from_then_on() {
        RoomName room = room();
        UserId user = user();
        Instant until = T0.plusSeconds(60);

        bans.ban(room, user, until);

        assertThat(bans.bannedUntil(room, user, T0)).contains(until);
        assertThat(bans.bannedUntil(room, user, until.minusMillis(1))).contains(until);
        assertThat(bans.bannedUntil(room, user, until)).as("ended at its end").isEmpty();
        assertThat(bans.bannedUntil(room, user, until.plusSeconds(3600))).isEmpty();
    }

    @Test
    void a_ban_ending_sooner_leaves_the_running_one_and_a_later_one_extends_it() {
        RoomName room = room();
        UserId user = user();
        bans.ban(room, user, T0.plusSeconds(60));

        bans.ban(room, user, T0.plusSeconds(30));
        assertThat(bans.bannedUntil(room, user, T0)).contains(T0.plusSeconds(60));

        bans.ban(room, user, T0.plusSeconds(90));
        assertThat(bans.bannedUntil(room, user, T0)).contains(T0.plusSeconds(90));
    }

    @Test
    void a_user_banned_again_after_an_ended_ban_is_banned_anew() {
        RoomName room = room();
        UserId user = user();
        bans.ban(room, user, T0.plusSeconds(10));
        Instant later = T0.plusSeconds(3600);

        bans.ban(room, user, later.plusSeconds(10));

        assertThat(bans.bannedUntil(room, user, later)).contains(later.plusSeconds(10));
    }

    @Test
    void bans_are_per_room_and_per_user() {
        RoomName general = room();
        RoomName random = room();
        UserId ada = user();
        UserId bob = user();

        bans.ban(general, ada, T0.plusSeconds(60));

        assertThat(bans.bannedUntil(general, ada, T0)).contains(T0.plusSeconds(60));
        assertThat(bans.bannedUntil(general, bob, T0)).isEmpty();
        assertThat(bans.bannedUntil(random, ada, T0)).isEmpty();
    }

    @Test
    void of_racing_bans_the_latest_end_wins() throws Exception {
        RoomName room = room();
        UserId user = user();
        int moderators = 12;
        List<Callable<Void>> kicks = new ArrayList<>();
        for (int i = 0; i < moderators; i++) {
            Instant until = T0.plusSeconds(60 + (i * 7L) % moderators);
            kicks.add(() -> {
                bans.ban(room, user, until);
                return null;
            });
        }

        Concurrently.run(kicks);

        assertThat(bans.bannedUntil(room, user, T0)).contains(T0.plusSeconds(60 + moderators - 1));
    }

    @Test
    void bans_survive_a_reopen() {
        assumeTrue(canReopen(), "these bans are not kept across a restart");
        RoomName room = room();
        UserId user = user();
        bans.ban(room, user, T0.plusSeconds(60));

        RoomBans reopened = reopen();

        assertThat(reopened.bannedUntil(room, user, T0)).contains(T0.plusSeconds(60));
        reopened.ban(room, user, T0.plusSeconds(30));
        assertThat(reopened.bannedUntil(room, user, T0)).contains(T0.plusSeconds(60));
    }
}
