package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.PresentUser;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.MarkReadCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class V2JoinReplyTest {
    private final ChatHarness chat = new ChatHarness();

    @Test
    void a_v1_join_is_answered_with_a_bare_200_as_before() {
        var alice = chat.connect("alice");
        chat.posted(chat.connectAndJoin("bob", "general"), "general", "hi");

        assertThat(chat.joinReply(alice, "general", "Alice")).isEqualTo(Reply.ok());
    }

    @Test
    void a_v2_join_tells_the_rooms_latest_seq_and_who_is_present_the_caller_included() {
        var bob = chat.connectAndJoin("bob", "general");
        chat.connectAndJoin("bob", "general", Protocol.V2);
        chat.posted(bob, "general", "one");
        long latest = chat.posted(bob, "general", "two").seq();
        var alice = chat.connect("alice", Protocol.V2);

        ReplyPayload.Joined joined = joined(chat.joinReply(alice, "general", "Alice"));

        assertThat(joined.room()).isEqualTo(room("general"));
        assertThat(joined.seq()).isEqualTo(latest);
        assertThat(joined.presence().count()).as("distinct users").isEqualTo(2);
        assertThat(joined.presence().listed()).extracting(PresentUser::userId)
                .containsExactlyInAnyOrder(new UserId("bob"), new UserId("alice"));
        assertThat(joined.recovered()).as("no since, nothing to recover").isEmpty();
    }

    @Test
    void an_empty_room_has_seq_0_no_read_position_and_nothing_unread() {
        var alice = chat.connect("alice", Protocol.V2);

        ReplyPayload.Joined joined = joined(chat.joinReply(alice, "empty", "Alice"));

        assertThat(joined.seq()).isZero();
        assertThat(joined.lastRead()).isEmpty();
        assertThat(joined.unread()).isZero();
        assertThat(joined.presence().count()).isEqualTo(1);
    }

    @Test
    void unread_counts_messages_of_others_after_the_read_position_that_are_not_deleted() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        var bob = chat.connectAndJoin("bob", "general");
        var read = chat.posted(bob, "general", "read already");
        assertThat(chat.core.handle(alice, new MarkReadCommand(room("general"), read.postedAt())).isOk()).isTrue();
        chat.posted(bob, "general", "unread 1");
        chat.posted(alice, "general", "my own");
        var deleted = chat.posted(bob, "general", "deleted");
        chat.core.handle(bob, new ChangeMessageCommand(room("general"), new MessageRef.ById(deleted.messageId()),
                new MessageChange.Erase()));
        chat.posted(bob, "general", "unread 2");

        ReplyPayload.Joined joined = joined(chat.joinReply(alice, "general", "Alice"));

        assertThat(joined.lastRead()).contains(read.postedAt());
        assertThat(joined.unread()).isEqualTo(2);
    }

    @Test
    void without_a_read_position_every_message_of_others_is_unread() {
        var bob = chat.connectAndJoin("bob", "general");
        chat.posted(bob, "general", "one");
        chat.posted(bob, "general", "two");
        var alice = chat.connect("alice", Protocol.V2);

        assertThat(joined(chat.joinReply(alice, "general", "Alice")).unread()).isEqualTo(2);
    }

    @Test
    void unread_is_counted_up_to_1000() {
        var bob = chat.connectAndJoin("bob", "general");
        for (int i = 0; i < 1_001; i++) {
            chat.posted(bob, "general", "m" + i);
        }
        var alice = chat.connect("alice", Protocol.V2);

        assertThat(joined(chat.joinReply(alice, "general", "Alice")).unread()).isEqualTo(1_000);
    }

    @Test
    void members_list_at_most_100_users_but_count_all() {
        for (int i = 0; i < 105; i++) {
            chat.connectAndJoin("user" + i, "crowded");
        }
        var alice = chat.connect("alice", Protocol.V2);

        ReplyPayload.Joined joined = joined(chat.joinReply(alice, "crowded", "Alice"));

        assertThat(joined.presence().count()).isEqualTo(106);
        assertThat(joined.presence().listed()).hasSize(100);
    }

    @Test
    void rejoining_under_a_new_name_answers_the_summary_again() {
        var alice = chat.connect("alice", Protocol.V2);
        chat.join(alice, "general", "Alice");

        ReplyPayload.Joined again = joined(chat.joinReply(alice, "general", "Al"));

        assertThat(again.presence().listed()).containsExactly(new PresentUser(new UserId("alice"),
                new DisplayName("Al")));
        assertThat(again.lastRead()).isEqualTo(Optional.empty());
    }

    @Test
    void the_join_reply_tells_whether_the_caller_moderates_the_room() {
        var mia = chat.connectWith("mia", ";mod=team-*", Protocol.V2);
        var bob = chat.connect("bob", Protocol.V2);

        assertThat(joined(chat.joinReply(mia, "team-a", "Mia")).moderator()).as("moderates team-*").isTrue();
        assertThat(joined(chat.joinReply(mia, "general", "Mia")).moderator()).as("outside the pattern").isFalse();
        assertThat(joined(chat.joinReply(bob, "team-a", "Bob")).moderator()).as("no moderator claim").isFalse();
    }

    static ReplyPayload.Joined joined(Reply reply) {
        assertThat(reply.isOk()).as(reply.body()).isTrue();
        return (ReplyPayload.Joined) reply.payload().orElseThrow();
    }
}
