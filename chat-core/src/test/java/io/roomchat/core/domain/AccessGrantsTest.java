package io.roomchat.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessGrantsTest {

    private static boolean matches(String pattern, String room) {
        return new RoomPattern(pattern).matches(new RoomName(room));
    }

    @Test
    void a_star_matches_any_run_of_characters_including_none() {
        assertThat(matches("team-*", "team-a")).isTrue();
        assertThat(matches("team-*", "team-")).isTrue();
        assertThat(matches("*-ops", "night-ops")).isTrue();
        assertThat(matches("a*b*c", "a-x-b-y-c")).isTrue();
        assertThat(matches("*", "anything at all")).isTrue();
        assertThat(matches("team-*", "teams-a")).isFalse();
        assertThat(matches("a*b*c", "a-x-c-y-b")).isFalse();
        assertThat(matches("general", "general2")).isFalse();
    }

    @Test
    void regex_characters_in_a_pattern_match_only_themselves() {
        assertThat(matches("team.a", "team.a")).isTrue();
        assertThat(matches("team.a", "teamXa")).as(". is not any character").isFalse();
        assertThat(matches("a+", "aaa")).as("+ is not a repetition").isFalse();
        assertThat(matches("[ab]", "a")).as("[] is not a class").isFalse();
        assertThat(matches("[ab]", "[ab]")).isTrue();
        assertThat(matches("(x|y)", "x")).as("() is not a group").isFalse();
        assertThat(matches(".*", "general")).as(".* is a dot then anything").isFalse();
        assertThat(matches(".*", ".general")).isTrue();
        assertThat(matches("\\Q*", "\\Qroom")).as("no quoting either").isTrue();
        assertThat(matches("^room$", "room")).isFalse();
    }

    @Test
    void without_a_rooms_grant_every_room_may_be_joined_and_none_moderated() {
        assertThat(AccessGrants.NONE.mayJoin(new RoomName("general"))).isTrue();
        assertThat(AccessGrants.NONE.moderates(new RoomName("general"))).isFalse();
    }

    @Test
    void a_rooms_grant_admits_only_what_it_matches_and_an_empty_one_nothing() {
        AccessGrants teams = AccessGrants.of(List.of(new RoomPattern("team-*")), List.of());
        assertThat(teams.mayJoin(new RoomName("team-a"))).isTrue();
        assertThat(teams.mayJoin(new RoomName("general"))).isFalse();
        assertThat(AccessGrants.of(List.of(), List.of()).mayJoin(new RoomName("general"))).isFalse();
    }

    @Test
    void grants_hold_at_most_fifty_patterns_each() {
        List<RoomPattern> fifty = Collections.nCopies(50, new RoomPattern("x"));
        List<RoomPattern> fiftyOne = Collections.nCopies(51, new RoomPattern("x"));
        assertThat(AccessGrants.of(fifty, fifty).moderates(new RoomName("x"))).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> AccessGrants.of(fiftyOne, List.of()))
                .withMessage("rooms must list at most 50 patterns");
        assertThatIllegalArgumentException().isThrownBy(() -> AccessGrants.moderating(fiftyOne))
                .withMessage("moderates must list at most 50 patterns");
    }

    @Test
    void a_pattern_is_1_to_128_characters_without_control_characters() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoomPattern(""))
                .withMessage("room pattern must be 1-128 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> new RoomPattern("a\nb"))
                .withMessage("room pattern must not contain control characters");
    }

    @Test
    void a_direct_room_lists_2_to_10_distinct_user_ids_in_ascending_order() {
        assertThat(DirectRoom.of(new RoomName("dm:alice,bob")).orElseThrow().members())
                .containsExactly(new UserId("alice"), new UserId("bob"));
        assertThat(DirectRoom.of(new RoomName("general"))).isEmpty();
        assertThat(DirectRoom.of(new RoomName("dm:" + String.join(",", List.of("a", "b", "c", "d", "e", "f", "g",
                "h", "i", "j"))))).isPresent();
        for (String malformed : List.of("dm:bob,alice", "dm:alice,alice", "dm:alice", "dm:", "dm:alice,,bob",
                "dm:alice, ", "dm:a,b,c,d,e,f,g,h,i,j,k")) {
            assertThatIllegalArgumentException().as(malformed)
                    .isThrownBy(() -> DirectRoom.of(new RoomName(malformed)))
                    .withMessageStartingWith("room: ");
        }
    }
}
