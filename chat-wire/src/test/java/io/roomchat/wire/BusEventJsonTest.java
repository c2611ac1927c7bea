package io.roomchat.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.Announcement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BusEventJsonTest {
    private static final RoomName ROOM = new RoomName("general");
    private static final UserId ALICE = new UserId("alice");
    private final WireCodec codec = WireCodec.create();

    private Announcement roundTrip(Announcement announcement) {
        return codec.decodeBusEvent(codec.encodeBusEvent(announcement));
    }

    private static Announcement message(ChatMessage message) {
        return Announcement.of(new RoomEvent.Message(message));
    }

    @Test
    void aStoredMessageCrossesTheBusWithItsSeq() {
        var posted = message(Messages.posted("m-1", "hello"));
        assertThat(roundTrip(posted)).isEqualTo(posted);
    }

    @Test
    void editsAndDeletesCrossTheBusToo() {
        var edited = message(Messages.edited("m-2", "after"));
        var deleted = message(Messages.deleted("m-3"));
        assertThat(roundTrip(edited)).isEqualTo(edited);
        assertThat(roundTrip(deleted)).isEqualTo(deleted);
    }

    @Test
    void presenceTypingAndReadCrossTheBusWithTheirOrigin() {
        var join = Announcement.of(new RoomEvent.Presence(ROOM, RoomEvent.Presence.Kind.JOIN, ALICE,
                new DisplayName("Alice")));
        var leave = Announcement.of(new RoomEvent.Presence(ROOM, RoomEvent.Presence.Kind.LEAVE, ALICE,
                new DisplayName("Alice")));
        var typing = Announcement.from(new ConnectionId("c-1"), new RoomEvent.Typing(ROOM, ALICE,
                new DisplayName("Alice")));
        var read = Announcement.from(new ConnectionId("c-2"), new RoomEvent.Read(ROOM, ALICE,
                Instant.parse("2026-12-07T10:00:00.123Z")));

        assertThat(roundTrip(join)).isEqualTo(join);
        assertThat(roundTrip(leave)).isEqualTo(leave);
        assertThat(roundTrip(typing)).isEqualTo(typing);
        assertThat(roundTrip(read)).isEqualTo(read);
        assertThat(codec.encodeBusEvent(typing))
                .isEqualTo("{\"v\":1,\"room\":\"general\",\"kind\":\"typing\",\"userId\":\"alice\",\"name\":\"Alice\","
                        + "\"origin\":\"c-1\"}");
    }

    @Test
    void whoDeletedAMessageCrossesTheBus() {
        var byAuthor = Messages.deleted("m-3");
        var moderated = Messages.posted("m-4", "abuse").apply(
                new MessageChange.ModeratorErase(new UserId("moderator")), byAuthor.modifiedAt());

        assertThat(codec.encodeBusEvent(message(moderated))).contains("\"deletedBy\":\"moderator\"");
        assertThat(roundTrip(message(moderated))).isEqualTo(message(moderated));
        assertThat(roundTrip(message(byAuthor))).isEqualTo(message(byAuthor));
        assertThat(codec.encodeBusEvent(message(Messages.posted("m-1", "hello")))).doesNotContain("deletedBy");
    }

    @Test
    void aDeletedMessageFromANodeWithoutDeletersReadsAsDeletedByItsAuthor() {
        String older = "{\"v\":1,\"message\":{\"messageId\":\"m-5\",\"room\":\"general\",\"userId\":\"ada\","
                + "\"name\":\"Ada\",\"postedAt\":\"2026-11-27T18:38:45.123Z\","
                + "\"modifiedAt\":\"2026-11-27T18:38:46.123Z\",\"isDeleted\":true,\"seq\":3}}";

        RoomEvent.Message decoded = (RoomEvent.Message) codec.decodeBusEvent(older).event();
        assertThat(decoded.message().deletedBy()).isEqualTo(new UserId("ada"));
    }

    @Test
    void aDeleterOnAMessageNotDeletedIsRefused() {
        String contradictory = "{\"v\":1,\"message\":{\"messageId\":\"m-6\",\"room\":\"general\","
                + "\"userId\":\"ada\",\"name\":\"Ada\",\"message\":\"hi\","
                + "\"postedAt\":\"2026-11-27T18:38:45.123Z\","
                + "\"modifiedAt\":\"2026-11-27T18:38:45.123Z\",\"isDeleted\":false,\"deletedBy\":\"bob\"}}";

        assertThatThrownBy(() -> codec.decodeBusEvent(contradictory))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload holds an invalid message");
    }

    @Test
    void aMessageKeepsTheOlderShapeWithAKindAdded() {
        assertThat(codec.encodeBusEvent(message(Messages.posted("m-1", "hello"))))
                .startsWith("{\"v\":1,\"kind\":\"message\",\"message\":{\"messageId\":\"m-1\",\"room\":\"general\"")
                .contains("\"seq\":7");
    }

    @Test
    void theOlderPayloadWithoutKindIsStillReadAsAMessage() {
        String older = codec.encodeBusEvent(message(Messages.posted("m-1", "hello")))
                .replace("\"kind\":\"message\",", "");
        assertThat(older).startsWith("{\"v\":1,\"message\":{");
        assertThat(codec.decodeBusEvent(older)).isEqualTo(message(Messages.posted("m-1", "hello")));
    }

    @Test
    void anotherVersionOrBrokenTextIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> codec.decodeBusEvent("{\"v\":2,\"message\":{}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload is not version 1");
        assertThatThrownBy(() -> codec.decodeBusEvent("secret-ish{"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload is not JSON");
        assertThatThrownBy(() -> codec.decodeBusEvent(
                "{\"v\":1,\"message\":{\"messageId\":\"\",\"room\":\"r\",\"userId\":\"u\",\"name\":\"n\","
                        + "\"message\":\"t\",\"postedAt\":\"x\",\"modifiedAt\":\"x\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload holds an invalid message");
    }

    @Test
    void anUnknownKindOrAnIncompleteEventIsRefused() {
        assertThatThrownBy(() -> codec.decodeBusEvent("{\"v\":1,\"kind\":\"secret\",\"room\":\"r\",\"userId\":\"u\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload has an unknown kind");
        assertThatThrownBy(() -> codec.decodeBusEvent("{\"v\":1,\"kind\":\"typing\",\"room\":\"r\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload holds an invalid typing");
        assertThatThrownBy(() -> codec.decodeBusEvent(
                "{\"v\":1,\"kind\":\"presence\",\"room\":\"r\",\"userId\":\"u\",\"name\":\"n\",\"event\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload holds an invalid presence");
        assertThatThrownBy(() -> codec.decodeBusEvent("{\"v\":1,\"kind\":\"message\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload lacks message");
    }
}
