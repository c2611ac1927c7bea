package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.MarkReadCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarkingReadTest {
    private final ChatHarness chat = new ChatHarness();

    private Reply read(ConnectionId who, String room, Instant postedAt) {
        return chat.core.handle(who, new MarkReadCommand(room(room), postedAt));
    }

    private static Instant lastRead(Reply reply) {
        assertThat(reply.isOk()).as(reply.body()).isTrue();
        return ((ReplyPayload.ReadUpTo) reply.payload().orElseThrow()).lastRead();
    }

    @Test
    void reading_moves_the_users_position_and_tells_the_rooms_other_v2_connections() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        var aliceOnPhone = chat.connectAndJoin("alice", "general", Protocol.V2);
        var bob = chat.connectAndJoin("bob", "general", Protocol.V2);
        var oldClient = chat.connectAndJoin("carol", "general");
        var message = chat.posted(bob, "general", "hello");

        assertThat(lastRead(read(alice, "general", message.postedAt()))).isEqualTo(message.postedAt());

        var event = new RoomEvent.Read(room("general"), new UserId("alice"), message.postedAt());
        assertThat(chat.seenBy(bob, RoomEvent.Read.class)).containsExactly(event);
        assertThat(chat.seenBy(aliceOnPhone, RoomEvent.Read.class)).containsExactly(event);
        assertThat(chat.seenBy(alice, RoomEvent.Read.class)).isEmpty();
        assertThat(chat.gateway.eventsSeenBy(oldClient)).noneMatch(RoomEvent.Read.class::isInstance);
        assertThat(chat.readPositions.position(new UserId("alice"), room("general"))).contains(message.postedAt());
    }

    @Test
    void the_position_never_moves_back_and_an_older_one_is_200_with_the_current_position() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        var bob = chat.connectAndJoin("bob", "general", Protocol.V2);
        var older = chat.posted(bob, "general", "older");
        var newer = chat.posted(bob, "general", "newer");
        read(alice, "general", newer.postedAt());

        assertThat(lastRead(read(alice, "general", older.postedAt()))).isEqualTo(newer.postedAt());
        assertThat(lastRead(read(alice, "general", newer.postedAt()))).as("the same again").isEqualTo(
                newer.postedAt());

        assertThat(chat.seenBy(bob, RoomEvent.Read.class)).as("only the move forward is told").hasSize(1);
        assertThat(chat.readPositions.position(new UserId("alice"), room("general"))).contains(newer.postedAt());
    }

    @Test
    void a_message_of_another_room_is_a_404_and_changes_nothing() {
        var alice = chat.connect("alice", Protocol.V2);
        chat.join(alice, "general", "Alice");
        chat.join(alice, "other", "Alice");
        var elsewhere = chat.posted(alice, "other", "not in general");

        Reply reply = read(alice, "general", elsewhere.postedAt());

        assertThat(reply.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(reply.body()).startsWith("postedAt:");
        assertThat(chat.readPositions.position(new UserId("alice"), room("general"))).isEmpty();
    }

    @Test
    void a_time_no_message_was_posted_at_is_a_404() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        var message = chat.posted(alice, "general", "hello");

        assertThat(read(alice, "general", message.postedAt().plusMillis(1)).status()).isEqualTo(Status.NOT_FOUND);
        assertThat(read(alice, "general", message.postedAt().minusMillis(1)).status())
                .isEqualTo(Status.NOT_FOUND);
    }

    @Test
    void reading_a_room_not_joined_is_a_403_naming_room() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        var bob = chat.connectAndJoin("bob", "other", Protocol.V2);
        var message = chat.posted(bob, "other", "hello");

        Reply reply = read(alice, "other", message.postedAt());

        assertThat(reply.status()).isEqualTo(Status.FORBIDDEN);
        assertThat(reply.body()).startsWith("room:");
        assertThat(chat.readPositions.position(new UserId("alice"), room("other"))).isEmpty();
    }
}
