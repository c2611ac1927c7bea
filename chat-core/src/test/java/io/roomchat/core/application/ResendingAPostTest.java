package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResendingAPostTest {
    private final ChatHarness chat = new ChatHarness();

    private Reply postKeyed(ConnectionId from, String room, String text, String key) {
        return chat.core.handle(from, new PostMessageCommand(room(room), new MessageText(text), Optional.empty(),
                Optional.of(new ClientMessageId(key))));
    }

    private static ReplyPayload.Posted posted(Reply reply) {
        assertThat(reply.status()).isEqualTo(Status.OK);
        return (ReplyPayload.Posted) reply.payload().orElseThrow();
    }

    @Test
    void a_resent_post_is_acknowledged_as_the_original_and_neither_stored_nor_sent_again() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");

        ReplyPayload.Posted first = posted(postKeyed(alice, "general", "hello", "c-1"));
        chat.clock.advance(Duration.ofSeconds(3));
        ReplyPayload.Posted again = posted(postKeyed(alice, "general", "hello", "c-1"));

        assertThat(again).isEqualTo(first);
        assertThat(chat.messages.all()).hasSize(1);
        assertThat(chat.received(alice)).hasSize(1);
        assertThat(chat.received(bob)).hasSize(1);
    }

    @Test
    void the_same_key_from_another_user_or_in_another_room_is_a_new_message() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");
        var aliceElsewhere = chat.connectAndJoin("alice", "elsewhere");

        ReplyPayload.Posted byAlice = posted(postKeyed(alice, "general", "hello", "c-1"));
        ReplyPayload.Posted byBob = posted(postKeyed(bob, "general", "hello", "c-1"));
        ReplyPayload.Posted inAnotherRoom = posted(postKeyed(aliceElsewhere, "elsewhere", "hello", "c-1"));

        assertThat(byBob.messageId()).isNotEqualTo(byAlice.messageId());
        assertThat(inAnotherRoom.messageId()).isNotIn(byAlice.messageId(), byBob.messageId());
        assertThat(chat.messages.all()).hasSize(3);
    }

    @Test
    void another_key_is_another_message_and_posts_without_a_key_are_never_deduplicated() {
        var alice = chat.connectAndJoin("alice", "general");

        posted(postKeyed(alice, "general", "hello", "c-1"));
        posted(postKeyed(alice, "general", "hello", "c-2"));
        chat.posted(alice, "general", "hello");
        chat.posted(alice, "general", "hello");

        assertThat(chat.messages.all()).hasSize(4);
        assertThat(chat.received(alice)).hasSize(4);
    }

    @Test
    void a_resend_is_acknowledged_only_once_the_original_is_durable() {
        var alice = chat.connectAndJoin("alice", "general");
        posted(postKeyed(alice, "general", "hello", "c-1"));
        int syncsBefore = chat.messages.syncs();

        posted(postKeyed(alice, "general", "hello", "c-1"));

        assertThat(chat.messages.syncs()).isEqualTo(syncsBefore + 1);
    }

    @Test
    void a_resend_that_is_not_a_member_is_refused_before_the_store_is_asked() {
        var alice = chat.connectAndJoin("alice", "general");
        posted(postKeyed(alice, "general", "hello", "c-1"));
        var stranger = chat.connect("alice");

        Reply reply = postKeyed(stranger, "general", "hello", "c-1");

        assertThat(reply.status()).isEqualTo(Status.FORBIDDEN);
    }
}
