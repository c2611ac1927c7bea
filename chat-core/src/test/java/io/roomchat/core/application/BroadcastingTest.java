package io.roomchat.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.FanoutReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastingTest {
    private final ChatHarness chat = new ChatHarness();

    @Test
    void a_gone_connection_is_removed_during_fan_out_and_the_others_still_receive() {
        var alice = chat.connectAndJoin("alice", "general");
        var stale = chat.connectAndJoin("stale", "general");
        var bob = chat.connectAndJoin("bob", "general");
        chat.gateway.makeGone(stale);

        chat.post(alice, "general", "hello");

        assertThat(chat.connections.find(stale)).isEmpty();
        assertThat(chat.connections.find(bob)).isPresent();
        assertThat(chat.received(bob)).hasSize(1);
        assertThat(chat.received(alice)).hasSize(1);
    }

    @Test
    void a_failed_or_throwing_delivery_is_counted_but_keeps_the_connection_and_the_rest_of_the_room() {
        var alice = chat.connectAndJoin("alice", "general");
        var broken = chat.connectAndJoin("broken", "general");
        var throwing = chat.connectAndJoin("throwing", "general");
        var bob = chat.connectAndJoin("bob", "general");
        chat.gateway.makeBroken(broken);
        chat.gateway.makeThrow(throwing);
        chat.post(alice, "general", "hello");
        var message = chat.received(alice).get(0);

        FanoutReport report = chat.core.broadcast(Announcement.of(new RoomEvent.Message(message)));

        assertThat(report).isEqualTo(new FanoutReport(2, 0, 2));
        assertThat(chat.connections.find(broken)).isPresent();
        assertThat(chat.connections.find(throwing)).isPresent();
        assertThat(chat.received(bob)).hasSize(2);
    }

    @Test
    void a_fan_out_hands_the_gateway_each_protocols_members_in_one_group() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general", Protocol.V2);
        var carol = chat.connectAndJoin("carol", "general");
        var dave = chat.connectAndJoin("dave", "general", Protocol.V2);
        int before = chat.gateway.groups().size();

        chat.post(alice, "general", "hello");

        assertThat(chat.gateway.groups().subList(before, chat.gateway.groups().size())).containsExactlyInAnyOrder(
                new RecordingGateway.Group(Protocol.V1, List.of(alice, carol)),
                new RecordingGateway.Group(Protocol.V2, List.of(bob, dave)));
        assertThat(List.of(alice, bob, carol, dave)).allSatisfy(id -> assertThat(chat.received(id)).hasSize(1));
    }

    @Test
    void a_post_still_succeeds_when_delivery_to_some_members_fails() {
        var alice = chat.connectAndJoin("alice", "general");
        var broken = chat.connectAndJoin("broken", "general");
        chat.gateway.makeBroken(broken);

        assertThat(chat.post(alice, "general", "stored anyway").isOk()).isTrue();
        assertThat(chat.messages.all()).hasSize(1);
    }
}
