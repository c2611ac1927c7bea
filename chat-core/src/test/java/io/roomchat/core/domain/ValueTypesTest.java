package io.roomchat.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void a_room_is_1_to_128_characters_without_control_characters() {
        assertThat(new RoomName("a").value()).isEqualTo("a");
        assertThat(new RoomName("x".repeat(128)).value()).hasSize(128);
        assertThat(new RoomName("🎉".repeat(128)).value()).hasSize(256);
        assertThatIllegalArgumentException().isThrownBy(() -> new RoomName("")).withMessageStartingWith("room");
        assertThatIllegalArgumentException().isThrownBy(() -> new RoomName("x".repeat(129)))
                .withMessage("room must be 1-128 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> new RoomName("tab\there"))
                .withMessage("room must not contain control characters");
        assertThatIllegalArgumentException().isThrownBy(() -> new RoomName(null)).withMessage("room is required");
    }

    @Test
    void a_display_name_is_1_to_64_characters_without_control_characters() {
        assertThat(new DisplayName("Ada").value()).isEqualTo("Ada");
        assertThatIllegalArgumentException().isThrownBy(() -> new DisplayName("x".repeat(65)))
                .withMessage("name must be 1-64 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> new DisplayName("new\nline"))
                .withMessage("name must not contain control characters");
    }

    @Test
    void a_user_id_is_1_to_256_characters_not_blank_without_control_characters() {
        assertThat(new UserId("auth0|5f1c").value()).isEqualTo("auth0|5f1c");
        assertThatIllegalArgumentException().isThrownBy(() -> new UserId("x".repeat(257)))
                .withMessage("user id must be 1-256 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> new UserId("mallory\n2026-11-27 INFO forged"))
                .withMessage("user id must not contain control characters");
    }

    @Test
    void a_connection_id_is_1_to_128_characters_without_control_characters() {
        assertThat(new ConnectionId("L0SM9cOFvHcCIhw=").value()).isEqualTo("L0SM9cOFvHcCIhw=");
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectionId("x".repeat(129)))
                .withMessage("connection id must be 1-128 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectionId("\u001Fmember\u001Froom"))
                .withMessage("connection id must not contain control characters");
    }

    @Test
    void message_text_must_not_be_blank_but_may_span_lines() {
        assertThat(new MessageText("two\nlines").length()).isEqualTo(9);
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageText(" \n\t "))
                .withMessage("message must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageText(null))
                .withMessage("message is required");
    }

    @Test
    void a_message_has_text_exactly_when_it_is_not_deleted() {
        Instant t = Instant.parse("2026-11-27T18:38:45.123Z");
        var id = new MessageId("m1");
        var room = new RoomName("r");
        var user = new UserId("u");
        var name = new DisplayName("n");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChatMessage(id, room, user, name, null, t, t, false, 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChatMessage(id, room, user, name, new MessageText("x"), t, t, true, 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChatMessage(id, room, user, name, new MessageText("x"), t, t.minusMillis(1), false, 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChatMessage(id, room, user, name, new MessageText("x"), t, t, false, -1));
    }

    @Test
    void message_times_are_kept_to_the_millisecond() {
        Instant precise = Instant.parse("2026-11-27T18:38:45.123456789Z");
        var message = ChatMessage.posted(new MessageId("m1"), new RoomName("r"), new UserId("u"),
                new DisplayName("n"), new MessageText("x"), precise);

        assertThat(message.postedAt()).isEqualTo(Instant.parse("2026-11-27T18:38:45.123Z"));
    }

    @Test
    void applying_a_change_always_moves_modified_at_strictly_forward() {
        Instant t = Instant.parse("2026-11-27T18:38:45.123Z");
        var message = ChatMessage.posted(new MessageId("m1"), new RoomName("r"), new UserId("u"),
                new DisplayName("n"), new MessageText("x"), t);

        var sameMillisecond = message.apply(new MessageChange.Replace(new MessageText("y")), t);
        var clockWentBack = sameMillisecond.apply(new MessageChange.Erase(), t.minusSeconds(60));
        var later = message.apply(new MessageChange.Erase(), t.plusSeconds(5));

        assertThat(sameMillisecond.modifiedAt()).isEqualTo(t.plusMillis(1));
        assertThat(clockWentBack.modifiedAt()).isEqualTo(t.plusMillis(2));
        assertThat(clockWentBack.deleted()).isTrue();
        assertThat(later.modifiedAt()).isEqualTo(t.plusSeconds(5));
        assertThat(later.postedAt()).isEqualTo(t);
    }

    @Test
    void cursors_are_exclusive() {
        Instant t = Instant.parse("2026-11-27T18:38:45.123Z");

        assertThat(new HistoryCursor.Before(t).admits(at(t, 1))).isFalse();
        assertThat(new HistoryCursor.Before(t).admits(at(t.minusMillis(1), 1))).isTrue();
        assertThat(new HistoryCursor.After(t).admits(at(t, 1))).isFalse();
        assertThat(new HistoryCursor.After(t).admits(at(t.plusMillis(1), 1))).isTrue();
        assertThat(new HistoryCursor.Since(5).admits(at(t, 5))).isFalse();
        assertThat(new HistoryCursor.Since(5).admits(at(t, 6))).isTrue();
        assertThat(HistoryCursor.latest().admits(at(t, 1))).isTrue();
    }

    @Test
    void a_since_cursor_is_never_negative() {
        assertThat(new HistoryCursor.Since(0).seq()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> new HistoryCursor.Since(-1))
                .withMessage("since: must not be negative");
    }

    private static ChatMessage at(Instant postedAt, long seq) {
        return ChatMessage.posted(new MessageId("m1"), new RoomName("r"), new UserId("u"), new DisplayName("n"),
                new MessageText("x"), postedAt).withSeq(seq);
    }

    @Test
    void limits_refuse_nonsense() {
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.defaults().withFramesPerSecond(0, 20));
        assertThat(Limits.defaults().maxFrameBytes()).isEqualTo(32 * 1024);
        assertThat(Limits.defaults().maxMessageChars()).isEqualTo(4_000);
        assertThat(Limits.defaults().historyPageMax()).isEqualTo(100);
    }
}
