package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.PublishOutcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishingTest {
    private static final UserId BOT = new UserId("notice-bot@clients");

    private final ChatHarness chat = new ChatHarness();

    private static PostMessageCommand post(String room, String text, String name, String key) {
        return new PostMessageCommand(room(room), new MessageText(text), Optional.ofNullable(name).map(DisplayName::new),
                Optional.ofNullable(key).map(ClientMessageId::new));
    }

    @Test
    void a_publisher_posts_without_joining_and_every_member_of_both_protocols_receives_it() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general", Protocol.V2);
        var elsewhere = chat.connectAndJoin("carol", "elsewhere");

        PublishOutcome outcome = chat.core.publish(BOT, post("general", "maintenance at 6", "Notices", null));

        assertThat(outcome).isInstanceOf(PublishOutcome.Stored.class);
        var posted = ((PublishOutcome.Stored) outcome).posted();
        ChatMessage stored = chat.messages.all().get(0);
        assertThat(stored.id()).isEqualTo(posted.messageId());
        assertThat(stored.seq()).isEqualTo(posted.seq()).isPositive();
        assertThat(stored.author()).isEqualTo(BOT);
        assertThat(stored.authorName()).isEqualTo(new DisplayName("Notices"));
        assertThat(chat.received(alice)).extracting(ChatMessage::id).containsExactly(posted.messageId());
        assertThat(chat.received(bob)).extracting(ChatMessage::id).containsExactly(posted.messageId());
        assertThat(chat.received(elsewhere)).isEmpty();
    }

    @Test
    void without_a_name_members_see_the_author_id_cut_to_a_display_name() {
        UserId longId = new UserId("x".repeat(200));

        chat.core.publish(BOT, post("general", "one", null, null));
        chat.core.publish(longId, post("general", "two", null, null));

        assertThat(chat.messages.all()).extracting(ChatMessage::authorName)
                .containsExactly(new DisplayName(BOT.value()), new DisplayName("x".repeat(DisplayName.MAX_LENGTH)));
    }

    @Test
    void a_resend_with_the_same_key_answers_the_original_and_stores_and_sends_nothing() {
        var alice = chat.connectAndJoin("alice", "general");

        var first = (PublishOutcome.Stored) chat.core.publish(BOT, post("general", "hi", null, "job-42"));
        chat.clock.advance(Duration.ofSeconds(5));
        PublishOutcome again = chat.core.publish(BOT, post("general", "hi", null, "job-42"));

        assertThat(again).isEqualTo(new PublishOutcome.DuplicateOf(first.posted()));
        assertThat(chat.messages.all()).hasSize(1);
        assertThat(chat.received(alice)).hasSize(1);
    }

    @Test
    void a_text_over_the_limit_is_refused_with_413_naming_message_and_changes_nothing() {
        ChatHarness small = new ChatHarness(new Limits(32 * 1024, 5, 10, 20, Duration.ofMinutes(10), 50, 100, 1_024,
                1024 * 1024, 50, 200));
        var alice = small.connectAndJoin("alice", "general");

        PublishOutcome outcome = small.core.publish(BOT, post("general", "too long", null, null));

        assertThat(outcome).isInstanceOf(PublishOutcome.Refused.class);
        assertThat(((PublishOutcome.Refused) outcome).status()).isEqualTo(Status.PAYLOAD_TOO_LARGE);
        assertThat(((PublishOutcome.Refused) outcome).reason()).startsWith("message:");
        assertThat(small.messages.all()).isEmpty();
        assertThat(small.received(alice)).isEmpty();
    }

    @Test
    void a_published_message_takes_the_room_s_next_seq_after_socket_posts() {
        var alice = chat.connectAndJoin("alice", "general");
        var byAlice = chat.posted(alice, "general", "first");

        var published = (PublishOutcome.Stored) chat.core.publish(BOT, post("general", "second", null, null));

        assertThat(published.posted().seq()).isEqualTo(byAlice.seq() + 1);
        assertThat(published.posted().postedAt()).isAfter(byAlice.postedAt());
    }
}
