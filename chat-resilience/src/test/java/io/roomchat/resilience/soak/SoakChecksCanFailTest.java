package io.roomchat.resilience.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soak's checks on small hand-made records: they pass a faithful one, and catch each way a server could break
 * its promises. A check that cannot fail would make a green soak mean nothing.
 */
class SoakChecksCanFailTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOM = "r";
    private static final String T0 = "2026-01-01T00:00:00.000Z";
    private static final String T1 = "2026-01-01T00:00:00.001Z";
    private static final String T2 = "2026-01-01T00:00:00.002Z";
    private static final String T3 = "2026-01-01T00:00:00.003Z";

    // Times on the test's clock: both members are in the room from 10 to 100; the changes happen between.
    private static final Stint IN_ROOM = new Stint(ROOM, 5, 10, 100, Long.MAX_VALUE);
    private final Change first = new Change(Change.Kind.POST, ROOM, "ann", "Ann", "m1", T0, "hello", 20, 21);
    private final Change second = new Change(Change.Kind.POST, ROOM, "bob", "Bob", "m2", T1, "hi", 30, 31);
    private final Change edit = new Change(Change.Kind.EDIT, ROOM, "ann", "Ann", "m1", T0, "hello!", 40, 41);

    @Test
    void a_faithful_record_passes() {
        Violations violations = check(
                member("ann", reply(), event(first, T0), event(second, T1), event(edit, T2)),
                member("bob", reply(), event(first, T0), event(second, T1), event(edit, T2)));

        assertThat(violations.isEmpty()).as(violations::report).isTrue();
    }

    @Test
    void a_message_missing_while_surely_in_the_room_is_caught() {
        assertThat(check(member("ann", reply(), event(first, T0), event(edit, T2))).report())
                .contains("missed post:m2");
    }

    @Test
    void an_event_received_twice_is_caught() {
        assertThat(check(member("ann", reply(), event(first, T0), event(first, T0), event(second, T1),
                event(edit, T2))).report()).contains("received post:m1 twice");
    }

    @Test
    void an_event_from_before_the_join_is_caught() {
        Change early = new Change(Change.Kind.POST, ROOM, "bob", "Bob", "m0", T0, "early", 1, 2);
        Change later = new Change(Change.Kind.POST, ROOM, "bob", "Bob", "m3", T1, "later", 20, 21);
        Violations violations = new Violations();
        new DeliveryCheck(List.of(early, later), violations)
                .check(List.of(member("ann", reply(), event(early, T0), event(later, T1))));

        assertThat(violations.report()).contains("received post:m0 in r outside any time");
    }

    @Test
    void an_event_nobody_acknowledged_is_caught() {
        Change ghost = new Change(Change.Kind.POST, ROOM, "eve", "Eve", "m9", T3, "ghost", 50, 51);
        assertThat(check(member("ann", reply(), event(first, T0), event(second, T1), event(edit, T2),
                event(ghost, T3))).report()).contains("no acknowledged change explains");
    }

    @Test
    void members_that_saw_different_orders_are_caught() {
        Change otherEdit = new Change(Change.Kind.EDIT, ROOM, "bob", "Bob", "m2", T1, "hi!", 40, 41);
        Violations violations = new Violations();
        new DeliveryCheck(List.of(first, second, otherEdit, edit), violations).check(List.of(
                member("ann", reply(), event(first, T0), event(second, T1), event(edit, T2), event(otherEdit, T2)),
                member("bob", reply(), event(first, T0), event(second, T1), event(otherEdit, T2), event(edit, T2))));

        assertThat(violations.report()).contains("saw its events in different orders");
    }

    @Test
    void new_messages_out_of_posted_at_order_are_caught() {
        assertThat(check(member("ann", reply(), event(second, T1), event(first, T0), event(edit, T2))).report())
                .contains("out of postedAt order");
    }

    @Test
    void a_reply_without_a_request_is_caught() {
        assertThat(check(member("ann", reply(), reply(), event(first, T0), event(second, T1), event(edit, T2)))
                .report()).contains("sent 1 requests but got 2 replies");
    }

    @Test
    void a_history_that_lost_an_edit_or_holds_an_unacknowledged_message_is_caught() {
        Violations violations = new Violations();
        List<Change> changes = List.of(first, second, edit);
        DeliveryCheck deliveries = new DeliveryCheck(changes, violations);
        deliveries.check(List.of(member("ann", reply(), event(first, T0), event(second, T1), event(edit, T2))));
        HistoryCheck history = new HistoryCheck(changes, deliveries, violations);

        history.check(ROOM, List.of(event(first, T0), event(second, T1)));
        assertThat(violations.report()).contains("history #0");

        history.check(ROOM, List.of(event(edit, T2), event(second, T1),
                event(new Change(Change.Kind.POST, ROOM, "eve", "Eve", "m9", T3, "x", 0, 0), T3)));
        assertThat(violations.report()).contains("never acknowledged [m9]");
    }

    private Violations check(Observed... members) {
        Violations violations = new Violations();
        new DeliveryCheck(List.of(first, second, edit), violations).check(List.of(members));
        return violations;
    }

    private static Observed member(String name, JsonNode... frames) {
        int requests = (int) List.of(frames).stream().filter(frame -> frame.has("statusCode")).count();
        return new Observed(name, List.of(IN_ROOM), Math.min(requests, 1), new ArrayList<>(List.of(frames)));
    }

    private static JsonNode reply() {
        return JSON.createObjectNode().put("statusCode", 200).put("body", "").put("requestId", "req");
    }

    private static JsonNode event(Change change, String modifiedAt) {
        ObjectNode event = JSON.createObjectNode().put("messageId", change.messageId()).put("room", change.room())
                .put("userId", change.userId()).put("name", change.name());
        if (change.kind() == Change.Kind.DELETE) {
            return event.put("postedAt", change.postedAt()).put("modifiedAt", modifiedAt).put("isDeleted", true);
        }
        return event.put("message", change.text()).put("postedAt", change.postedAt()).put("modifiedAt", modifiedAt);
    }
}
