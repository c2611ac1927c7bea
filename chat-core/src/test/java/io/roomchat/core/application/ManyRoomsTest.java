package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.LeaveRoomCommand;
import io.roomchat.core.port.in.Reply;
import org.junit.jupiter.api.Test;

class ManyRoomsTest {
    private final ChatHarness chat = new ChatHarness();

    @Test
    void a_v2_connection_joins_rooms_without_leaving_the_others_and_receives_from_each() {
        var alice = chat.connect("alice", Protocol.V2);
        chat.join(alice, "one", "Alice");
        chat.join(alice, "two", "Alice in two");
        var bob = chat.connectAndJoin("bob", "one");
        var carol = chat.connectAndJoin("carol", "two");

        chat.post(bob, "one", "to one");
        chat.post(carol, "two", "to two");

        assertThat(chat.received(alice)).extracting(m -> m.text().value()).containsExactly("to one", "to two");
        assertThat(chat.posted(alice, "two", "from alice")).isNotNull();
        assertThat(chat.received(carol)).last().satisfies(m ->
                assertThat(m.authorName()).isEqualTo(new DisplayName("Alice in two")));
    }

    @Test
    void one_room_too_many_is_a_403_naming_room_that_changes_nothing() {
        ChatHarness small = new ChatHarness(Limits.defaults().withMaxRoomsPerConnection(2));
        var alice = small.connect("alice", Protocol.V2);
        small.join(alice, "one", "Alice");
        small.join(alice, "two", "Alice");

        Reply third = small.core.handle(alice, new JoinRoomCommand(room("three"), new DisplayName("Alice")));

        assertThat(third.status()).isEqualTo(Status.FORBIDDEN);
        assertThat(third.body()).startsWith("room:");
        assertThat(small.connections.find(alice).orElseThrow().rooms()).containsOnlyKeys(room("one"), room("two"));
        assertThat(small.core.handle(alice, new JoinRoomCommand(room("two"), new DisplayName("Al"))).isOk())
                .as("renaming in a joined room is not one more room").isTrue();
    }

    @Test
    void leaving_one_room_keeps_the_others() {
        var alice = chat.connect("alice", Protocol.V2);
        chat.join(alice, "one", "Alice");
        chat.join(alice, "two", "Alice");
        var bob = chat.connectAndJoin("bob", "one");

        assertThat(chat.core.handle(alice, new LeaveRoomCommand(room("one")))).isEqualTo(Reply.ok());
        chat.post(bob, "one", "gone?");

        assertThat(chat.received(alice)).isEmpty();
        assertThat(chat.post(alice, "one", "no").status()).isEqualTo(Status.FORBIDDEN);
        assertThat(chat.post(alice, "two", "yes").status()).isEqualTo(Status.OK);
    }

    @Test
    void leaving_a_room_not_joined_is_a_403_naming_room() {
        var alice = chat.connectAndJoin("alice", "one", Protocol.V2);

        Reply reply = chat.core.handle(alice, new LeaveRoomCommand(room("never")));

        assertThat(reply.status()).isEqualTo(Status.FORBIDDEN);
        assertThat(reply.body()).startsWith("room:");
        assertThat(chat.connections.find(alice).orElseThrow().isIn(room("one"))).isTrue();
    }

    @Test
    void a_v1_connection_may_leave_its_room_and_is_then_in_none() {
        var alice = chat.connectAndJoin("alice", "one");

        assertThat(chat.core.handle(alice, new LeaveRoomCommand(room("one")))).isEqualTo(Reply.ok());

        assertThat(chat.connections.find(alice).orElseThrow().rooms()).isEmpty();
        assertThat(chat.core.handle(alice, new LeaveRoomCommand(room("one"))).status()).isEqualTo(Status.FORBIDDEN);
    }

    @Test
    void a_v1_connection_stays_in_one_room_whatever_the_room_limit() {
        var alice = chat.connectAndJoin("alice", "one");
        chat.join(alice, "two", "Alice");
        chat.join(alice, "three", "Alice");

        assertThat(chat.connections.find(alice).orElseThrow().rooms()).containsOnlyKeys(room("three"));
    }
}
