package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.LeaveRoomCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.TypingCommand;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypingTest {
    private final ChatHarness chat = new ChatHarness();

    private Reply typing(ConnectionId who, String room) {
        return chat.core.handle(who, new TypingCommand(room(room)));
    }

    private List<RoomEvent.Typing> typingSeenBy(ConnectionId id) {
        return chat.seenBy(id, RoomEvent.Typing.class);
    }

    @Test
    void typing_goes_to_the_other_v2_connections_in_the_room_only() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        var aliceElsewhere = chat.connectAndJoin("alice", "general", Protocol.V2);
        var bob = chat.connectAndJoin("bob", "general", Protocol.V2);
        var oldClient = chat.connectAndJoin("carol", "general");
        var otherRoom = chat.connectAndJoin("dave", "other", Protocol.V2);

        assertThat(typing(alice, "general")).isEqualTo(Reply.ok());

        var expected = new RoomEvent.Typing(room("general"), new UserId("alice"), new DisplayName("alice name"));
        assertThat(typingSeenBy(bob)).containsExactly(expected);
        assertThat(typingSeenBy(aliceElsewhere)).containsExactly(expected);
        assertThat(typingSeenBy(alice)).isEmpty();
        assertThat(chat.gateway.eventsSeenBy(oldClient)).noneMatch(RoomEvent.Typing.class::isInstance);
        assertThat(typingSeenBy(otherRoom)).isEmpty();
        assertThat(chat.messages.latestSeq(room("general"))).as("never stored").isZero();
    }

    @Test
    void typing_in_a_room_not_joined_is_a_403_naming_room() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        var bob = chat.connectAndJoin("bob", "other", Protocol.V2);

        Reply reply = typing(alice, "other");

        assertThat(reply.status()).isEqualTo(Status.FORBIDDEN);
        assertThat(reply.body()).startsWith("room:");
        assertThat(typingSeenBy(bob)).isEmpty();
    }

    @Test
    void at_most_one_typing_is_forwarded_per_connection_and_room_every_2_seconds() {
        var alice = chat.connect("alice", Protocol.V2);
        chat.join(alice, "general", "Alice");
        chat.join(alice, "other", "Alice");
        var bob = chat.connect("bob", Protocol.V2);
        chat.join(bob, "general", "Bob");
        chat.join(bob, "other", "Bob");

        assertThat(typing(alice, "general")).isEqualTo(Reply.ok());
        chat.clock.advance(Duration.ofMillis(1_999));
        assertThat(typing(alice, "general")).as("dropped, still answered 200").isEqualTo(Reply.ok());
        assertThat(typing(alice, "other")).as("another room has its own interval").isEqualTo(Reply.ok());
        assertThat(typingSeenBy(bob)).hasSize(2);

        chat.clock.advance(Duration.ofMillis(1));
        typing(alice, "general");

        assertThat(typingSeenBy(bob)).extracting(RoomEvent::room)
                .containsExactly(room("general"), room("other"), room("general"));
    }

    @Test
    void another_connection_of_the_same_user_has_its_own_interval() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        var aliceOnPhone = chat.connectAndJoin("alice", "general", Protocol.V2);
        var bob = chat.connectAndJoin("bob", "general", Protocol.V2);

        typing(alice, "general");
        typing(aliceOnPhone, "general");

        assertThat(typingSeenBy(bob)).hasSize(2);
    }

    @Test
    void leaving_the_room_forgets_the_interval() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        var bob = chat.connectAndJoin("bob", "general", Protocol.V2);
        typing(alice, "general");

        chat.core.handle(alice, new LeaveRoomCommand(room("general")));
        chat.join(alice, "general", "Alice");
        typing(alice, "general");

        assertThat(typingSeenBy(bob)).hasSize(2);
    }

    @Test
    void the_throttle_holds_nothing_for_a_connection_that_left_or_went() {
        TypingThrottle throttle = new TypingThrottle(chat.clock);
        var alice = new ConnectionId("alice");
        var bob = new ConnectionId("bob");
        throttle.mayForward(alice, room("one"));
        throttle.mayForward(alice, room("two"));
        throttle.mayForward(bob, room("one"));

        throttle.forget(alice, room("one"));
        throttle.forget(alice, room("two"));
        throttle.forget(bob);

        assertThat(throttle.size()).isZero();
    }
}
