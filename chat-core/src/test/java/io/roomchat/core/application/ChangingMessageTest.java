package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangingMessageTest {
    private final ChatHarness chat = new ChatHarness();
    private final io.roomchat.core.domain.ConnectionId alice = chat.connectAndJoin("alice", "general");
    private final io.roomchat.core.domain.ConnectionId bob = chat.connectAndJoin("bob", "general");

    private Reply edit(io.roomchat.core.domain.ConnectionId who, Instant postedAt, String text) {
        return chat.core.handle(who, new ChangeMessageCommand(room("general"), new MessageRef.ByPostedAt(postedAt),
                new MessageChange.Replace(new MessageText(text))));
    }

    private Reply delete(io.roomchat.core.domain.ConnectionId who, Instant postedAt) {
        return chat.core.handle(who, new ChangeMessageCommand(room("general"), new MessageRef.ByPostedAt(postedAt),
                new MessageChange.Erase()));
    }

    @Test
    void the_author_edits_and_every_member_gets_the_update_with_the_same_identity_and_a_later_modified_at() {
        var posted = chat.posted(alice, "general", "helo");
        chat.clock.advance(Duration.ofSeconds(5));

        Reply reply = edit(alice, posted.postedAt(), "hello");

        assertThat(reply).isEqualTo(Reply.ok());
        ChatMessage update = chat.received(bob).get(1);
        assertThat(update.id()).isEqualTo(posted.messageId());
        assertThat(update.postedAt()).isEqualTo(posted.postedAt());
        assertThat(update.modifiedAt()).isEqualTo(posted.postedAt().plusSeconds(5));
        assertThat(update.text().value()).isEqualTo("hello");
        assertThat(chat.received(alice)).hasSize(2);
    }

    @Test
    void edits_and_deletes_are_announced_with_the_rooms_next_seq() {
        var posted = chat.posted(alice, "general", "helo");
        chat.posted(bob, "general", "meanwhile");

        edit(alice, posted.postedAt(), "hello");
        delete(alice, posted.postedAt());

        assertThat(chat.received(bob)).extracting(ChatMessage::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(chat.received(bob).get(3).id()).isEqualTo(posted.messageId());
    }

    @Test
    void an_edit_in_the_same_millisecond_as_the_post_still_looks_like_an_update() {
        var posted = chat.posted(alice, "general", "quick");

        edit(alice, posted.postedAt(), "quicker");

        ChatMessage update = chat.received(bob).get(1);
        assertThat(update.modifiedAt()).isAfter(update.postedAt());
    }

    @Test
    void the_author_can_name_the_message_by_its_id() {
        var posted = chat.posted(alice, "general", "by id");

        Reply reply = chat.core.handle(alice, new ChangeMessageCommand(room("general"),
                new MessageRef.ById(posted.messageId()), new MessageChange.Erase()));

        assertThat(reply.status()).isEqualTo(Status.OK);
        assertThat(chat.messages.all().get(0).deleted()).isTrue();
    }

    @Test
    void deleting_erases_the_text_for_everyone() {
        var posted = chat.posted(alice, "general", "oops");
        chat.clock.advance(Duration.ofMillis(10));

        assertThat(delete(alice, posted.postedAt())).isEqualTo(Reply.ok());

        ChatMessage deleted = chat.received(bob).get(1);
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.text()).isNull();
        assertThat(chat.messages.all().get(0).text()).isNull();
    }

    @Test
    void somebody_else_cannot_edit_or_delete_and_nothing_is_published() {
        var posted = chat.posted(alice, "general", "mine");

        Reply editReply = edit(bob, posted.postedAt(), "yours now");
        Reply deleteReply = delete(bob, posted.postedAt());

        assertThat(editReply.status()).isEqualTo(Status.FORBIDDEN);
        assertThat(deleteReply.status()).isEqualTo(Status.FORBIDDEN);
        assertThat(chat.messages.all().get(0).text().value()).isEqualTo("mine");
        assertThat(chat.received(bob)).hasSize(1);
    }

    @Test
    void a_message_that_does_not_exist_is_404() {
        Reply reply = edit(alice, Instant.parse("2020-01-01T00:00:00Z"), "nothing here");

        assertThat(reply.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(chat.core.handle(alice, new ChangeMessageCommand(room("general"),
                new MessageRef.ById(new MessageId("missing")), new MessageChange.Erase())).status())
                .isEqualTo(Status.NOT_FOUND);
    }

    @Test
    void a_deleted_message_cannot_be_edited_back() {
        var posted = chat.posted(alice, "general", "gone soon");
        delete(alice, posted.postedAt());

        assertThat(edit(alice, posted.postedAt(), "resurrected").status()).isEqualTo(Status.NOT_FOUND);
    }

    @Test
    void changing_a_message_in_a_room_not_joined_is_forbidden() {
        var posted = chat.posted(alice, "general", "here");
        var mallory = chat.connectAndJoin("alice", "elsewhere");

        assertThat(edit(mallory, posted.postedAt(), "from afar").status()).isEqualTo(Status.FORBIDDEN);
    }

    @Test
    void an_edit_over_the_length_limit_is_413_and_changes_nothing() {
        var posted = chat.posted(alice, "general", "short");

        assertThat(edit(alice, posted.postedAt(), "y".repeat(4_001)).status())
                .isEqualTo(Status.PAYLOAD_TOO_LARGE);
        assertThat(chat.messages.all().get(0).text().value()).isEqualTo("short");
    }
}
