package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomEvent.Presence.Kind;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.LeaveRoomCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceTest {
    private final ChatHarness chat = new ChatHarness();

    private static RoomEvent.Presence presence(String room, Kind kind, String user, String name) {
        return new RoomEvent.Presence(room(room), kind, new UserId(user), new DisplayName(name));
    }

    private void leave(ConnectionId id, String room) {
        assertThat(chat.core.handle(id, new LeaveRoomCommand(room(room))).isOk()).isTrue();
    }

    @Test
    void a_users_first_connection_in_is_a_join_and_its_last_one_out_a_leave_however_many_it_has() {
        var watcher = chat.connectAndJoin("watcher", "general", Protocol.V2);
        var phone = chat.connect("bob", Protocol.V2);
        var laptop = chat.connect("bob", Protocol.V2);

        chat.join(phone, "general", "Bob");
        chat.join(laptop, "general", "Bob on laptop");
        leave(phone, "general");
        assertThat(chat.presenceSeenBy(watcher)).filteredOn(e -> e.userId().value().equals("bob"))
                .containsExactly(presence("general", Kind.JOIN, "bob", "Bob"));

        leave(laptop, "general");
        assertThat(chat.presenceSeenBy(watcher)).filteredOn(e -> e.userId().value().equals("bob")).containsExactly(
                presence("general", Kind.JOIN, "bob", "Bob"),
                presence("general", Kind.LEAVE, "bob", "Bob on laptop"));
    }

    @Test
    void the_joining_connection_sees_its_own_join_and_the_others_see_it_too() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        var bob = chat.connectAndJoin("bob", "general", Protocol.V2);

        var bobJoined = presence("general", Kind.JOIN, "bob", "bob name");
        assertThat(chat.presenceSeenBy(alice)).containsExactly(presence("general", Kind.JOIN, "alice", "alice name"),
                bobJoined);
        assertThat(chat.presenceSeenBy(bob)).containsExactly(bobJoined);
    }

    @Test
    void a_v1_room_switch_is_a_leave_of_the_old_room_then_a_join_of_the_new_one() {
        var inFirst = chat.connectAndJoin("watcher-1", "first", Protocol.V2);
        var inSecond = chat.connectAndJoin("watcher-2", "second", Protocol.V2);
        var mover = chat.connectAndJoin("carol", "first");

        chat.join(mover, "second", "Carol");

        assertThat(chat.presenceSeenBy(inFirst)).containsExactly(
                presence("first", Kind.JOIN, "watcher-1", "watcher-1 name"),
                presence("first", Kind.JOIN, "carol", "carol name"),
                presence("first", Kind.LEAVE, "carol", "carol name"));
        assertThat(chat.presenceSeenBy(inSecond)).containsExactly(
                presence("second", Kind.JOIN, "watcher-2", "watcher-2 name"),
                presence("second", Kind.JOIN, "carol", "Carol"));
    }

    @Test
    void rejoining_a_joined_room_under_a_new_name_is_no_presence_event() {
        var watcher = chat.connectAndJoin("watcher", "general", Protocol.V2);
        var dave = chat.connectAndJoin("dave", "general", Protocol.V2);

        chat.join(dave, "general", "Dave renamed");

        assertThat(chat.presenceSeenBy(watcher)).hasSize(2);
        assertThat(chat.connections.find(dave).orElseThrow().rooms()).containsEntry(room("general"),
                new DisplayName("Dave renamed"));
    }

    @Test
    void disconnecting_is_a_leave_of_every_room_the_connection_was_the_users_last_in() {
        var watcher = chat.connect("watcher", Protocol.V2);
        chat.join(watcher, "one", "W");
        chat.join(watcher, "two", "W");
        var erin = chat.connect("erin", Protocol.V2);
        chat.join(erin, "one", "Erin");
        chat.join(erin, "two", "Erin");
        var erinElsewhere = chat.connectAndJoin("erin", "two", Protocol.V2);

        chat.core.disconnect(erin);

        assertThat(chat.presenceSeenBy(watcher)).filteredOn(event -> event.kind() == Kind.LEAVE)
                .containsExactly(presence("one", Kind.LEAVE, "erin", "Erin"));
        assertThat(chat.connections.inRoom(room("two"))).extracting(m -> m.connectionId())
                .containsExactlyInAnyOrder(watcher, erinElsewhere);
    }

    @Test
    void a_connection_found_gone_in_a_fan_out_leaves_and_is_announced() {
        var watcher = chat.connectAndJoin("watcher", "general", Protocol.V2);
        var frank = chat.connectAndJoin("frank", "general", Protocol.V2);
        chat.gateway.makeGone(frank);

        chat.post(watcher, "general", "still there?");

        assertThat(chat.connections.find(frank)).isEmpty();
        assertThat(chat.presenceSeenBy(watcher)).last().isEqualTo(presence("general", Kind.LEAVE, "frank", "frank name"));
    }

    @Test
    void v1_connections_never_receive_presence_but_count_as_present() {
        var oldClient = chat.connectAndJoin("old", "general");
        var newClient = chat.connectAndJoin("new", "general", Protocol.V2);
        chat.connectAndJoin("grace", "general");

        assertThat(chat.presenceSeenBy(oldClient)).isEmpty();
        assertThat(chat.gateway.textsFor(oldClient)).isEmpty();
        assertThat(chat.presenceSeenBy(newClient)).extracting(RoomEvent.Presence::userId)
                .containsExactly(new UserId("new"), new UserId("grace"));
    }

    @Test
    void above_the_bound_of_users_present_no_presence_event_is_sent() {
        ChatHarness busy = new ChatHarness(Limits.defaults().withPresenceMaxUsers(3));
        var watcher = busy.connectAndJoin("watcher", "busy", Protocol.V2);
        busy.connectAndJoin("u2", "busy");
        busy.connectAndJoin("u3", "busy");
        var fourth = busy.connectAndJoin("u4", "busy", Protocol.V2);
        busy.core.disconnect(fourth);
        busy.connectAndJoin("u5", "busy");

        assertThat(busy.presenceSeenBy(watcher)).extracting(e -> e.userId().value() + " " + e.kind())
                .containsExactly("watcher JOIN", "u2 JOIN", "u3 JOIN", "u4 LEAVE");
        assertThat(busy.presenceSeenBy(fourth)).isEmpty();
    }

    @Test
    void a_presence_event_is_encoded_once_for_all_its_v2_recipients() {
        List<ConnectionId> watchers = List.of(chat.connectAndJoin("w1", "general", Protocol.V2),
                chat.connectAndJoin("w2", "general", Protocol.V2), chat.connectAndJoin("w3", "general", Protocol.V2));
        int before = chat.encodings.get();

        chat.connectAndJoin("henry", "general", Protocol.V2);

        assertThat(chat.encodings.get() - before).isEqualTo(1);
        assertThat(watchers).allSatisfy(w -> assertThat(chat.gateway.textsFor(w)).last().asString()
                .startsWith("V2 presence#"));
    }

    @Test
    void a_message_is_encoded_once_per_protocol_among_its_recipients() {
        var v1 = chat.connectAndJoin("old", "general");
        var v2 = chat.connectAndJoin("new", "general", Protocol.V2);
        chat.connectAndJoin("old-2", "general");
        int before = chat.encodings.get();

        chat.post(v1, "general", "hello both");

        assertThat(chat.encodings.get() - before).isEqualTo(2);
        assertThat(chat.gateway.textsFor(v1)).last().asString().startsWith("V1 event#");
        assertThat(chat.gateway.textsFor(v2)).last().asString().startsWith("V2 event#");
    }
}
