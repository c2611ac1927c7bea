package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.KickCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A moderator's delete and kick, and everyone else's attempts at them. */
class ModerationTest {
    private final ChatHarness chat = new ChatHarness();
    private final ConnectionId mod = chat.connectWith("mia", ";mod=team-*", Protocol.V2);
    private final ConnectionId bob = chat.connectAndJoin("bob", "team-a", Protocol.V2);
    private final ConnectionId carol = chat.connectAndJoin("carol", "team-a", Protocol.V2);

    {
        chat.join(mod, "team-a", "Mia");
    }

    private Reply change(ConnectionId who, ReplyPayload.Posted posted, MessageChange change) {
        return chat.core.handle(who, new ChangeMessageCommand(room("team-a"), new MessageRef.ById(posted.messageId()),
                change));
    }

    private Reply kick(ConnectionId who, String user, int minutes) {
        return chat.core.handle(who, new KickCommand(room("team-a"), new UserId(user), minutes));
    }

    @Test
    void a_moderator_deletes_anothers_message_everyone_sees_it_deleted_and_the_store_names_the_moderator() {
        var posted = chat.posted(bob, "team-a", "spam");

        assertThat(change(mod, posted, new MessageChange.Erase())).isEqualTo(Reply.ok());

        for (ConnectionId member : new ConnectionId[] {bob, carol, mod}) {
            ChatMessage last = chat.received(member).get(chat.received(member).size() - 1);
            assertThat(last.id()).isEqualTo(posted.messageId());
            assertThat(last.deleted()).isTrue();
        }
        assertThat(chat.messages.all().get(0).deletedBy()).isEqualTo(new UserId("mia"));
    }

    @Test
    void a_moderator_still_may_not_edit_anothers_text() {
        var posted = chat.posted(bob, "team-a", "hello");

        Reply reply = change(mod, posted, new MessageChange.Replace(new MessageText("edited by mod")));

        assertThat(reply).isEqualTo(Reply.rejected(Status.FORBIDDEN, ChangingMessage.NOT_AUTHOR));
        assertThat(chat.messages.all().get(0).text().value()).isEqualTo("hello");
    }

    @Test
    void a_member_who_does_not_moderate_the_room_may_not_delete_anothers_message() {
        var posted = chat.posted(bob, "team-a", "hello");

        assertThat(change(carol, posted, new MessageChange.Erase()))
                .isEqualTo(Reply.rejected(Status.FORBIDDEN, ChangingMessage.NOT_AUTHOR));
        assertThat(chat.messages.all().get(0).deleted()).isFalse();
    }

    @Test
    void a_kick_takes_every_connection_of_the_user_out_v2_told_v1_closed_and_the_room_hears_one_leave() {
        ConnectionId bobOnV1 = chat.connectAndJoin("bob", "team-a", Protocol.V1);

        assertThat(kick(mod, "bob", 0)).isEqualTo(Reply.ok());

        RoomEvent.Kicked kicked = new RoomEvent.Kicked(room("team-a"), new UserId("bob"), new UserId("mia"));
        assertThat(chat.seenBy(bob, RoomEvent.Kicked.class)).containsExactly(kicked);
        assertThat(chat.seenBy(bobOnV1, RoomEvent.Kicked.class)).as("the gateway closes it").containsExactly(kicked);
        assertThat(chat.connections.find(bob).orElseThrow().rooms()).isEmpty();
        assertThat(chat.connections.find(bobOnV1).orElseThrow().rooms()).isEmpty();
        assertThat(chat.presenceSeenBy(carol)).filteredOn(p -> p.kind() == RoomEvent.Presence.Kind.LEAVE)
                .extracting(RoomEvent.Presence::userId).containsExactly(new UserId("bob"));
        assertThat(chat.seenBy(carol, RoomEvent.Kicked.class)).isEmpty();
        assertThat(chat.joinReply(bob, "team-a", "Bob again").status()).as("no ban: back at once")
                .isEqualTo(Status.OK);
    }

    @Test
    void a_kick_with_minutes_bans_rejoining_until_the_ban_ends() {
        assertThat(kick(mod, "bob", 5)).isEqualTo(Reply.ok());

        assertThat(chat.joinReply(bob, "team-a", "Bob"))
                .isEqualTo(Reply.rejected(Status.FORBIDDEN, RoomAdmission.BANNED));
        assertThat(chat.joinReply(bob, "team-b", "Bob").status()).as("only that room").isEqualTo(Status.OK);
        chat.clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(chat.joinReply(bob, "team-a", "Bob").status()).isEqualTo(Status.FORBIDDEN);
        chat.clock.advance(Duration.ofMillis(1));
        assertThat(chat.joinReply(bob, "team-a", "Bob").status()).isEqualTo(Status.OK);
    }

    @Test
    void a_ban_also_refuses_a_user_not_in_the_room_when_kicked() {
        ConnectionId dave = chat.connect("dave", Protocol.V2);

        assertThat(kick(mod, "dave", 1)).isEqualTo(Reply.ok());

        assertThat(chat.joinReply(dave, "team-a", "Dave").status()).isEqualTo(Status.FORBIDDEN);
    }

    @Test
    void a_kick_by_someone_who_does_not_moderate_the_room_is_403_and_changes_nothing() {
        assertThat(kick(carol, "bob", 5)).isEqualTo(Reply.rejected(Status.FORBIDDEN, Kicking.NOT_MODERATOR));

        assertThat(chat.connections.find(bob).orElseThrow().isIn(room("team-a"))).isTrue();
        assertThat(chat.seenBy(bob, RoomEvent.Kicked.class)).isEmpty();
        assertThat(chat.presenceSeenBy(carol)).noneMatch(p -> p.kind() == RoomEvent.Presence.Kind.LEAVE);
        assertThat(chat.joinReply(bob, "team-a", "Bob").status()).isEqualTo(Status.OK);
    }

    @Test
    void a_moderator_of_another_room_may_not_kick_here() {
        ConnectionId other = chat.connectWith("otto", ";mod=ops", Protocol.V2);

        assertThat(kick(other, "bob", 0).status()).isEqualTo(Status.FORBIDDEN);
        assertThat(chat.connections.find(bob).orElseThrow().isIn(room("team-a"))).isTrue();
    }

    @Test
    void without_a_ban_store_a_kick_with_minutes_is_400_and_changes_nothing() {
        ChatHarness noBans = new ChatHarness(builder -> builder);
        ConnectionId moderator = noBans.connectWith("mia", ";mod=*", Protocol.V2);
        ConnectionId kickedUser = noBans.connectAndJoin("bob", "team-a", Protocol.V2);

        Reply reply = noBans.core.handle(moderator, new KickCommand(room("team-a"), new UserId("bob"), 5));

        assertThat(reply).isEqualTo(Reply.rejected(Status.BAD_REQUEST, Kicking.NO_BANS));
        assertThat(noBans.connections.find(kickedUser).orElseThrow().isIn(room("team-a"))).isTrue();
    }

    @Test
    void a_kicks_minutes_are_0_to_30_days() {
        assertThat(new KickCommand(room("r"), new UserId("u"), KickCommand.MAX_MINUTES).minutes()).isEqualTo(43_200);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new KickCommand(room("r"), new UserId("u"), KickCommand.MAX_MINUTES + 1))
                .withMessage("minutes: must be 0-43200");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new KickCommand(room("r"), new UserId("u"), -1))
                .withMessage("minutes: must be 0-43200");
    }
}
