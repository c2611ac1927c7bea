package io.roomchat.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.UserId;
import org.junit.jupiter.api.Test;

class StoredMessageJsonTest {
    private final WireCodec codec = WireCodec.create();

    @Test
    void aStoredMessageCrossesTheBusWithItsSeq() {
        var message = Messages.posted("m-1", "hello");
        assertThat(codec.decodeStored(codec.encodeStored(message))).isEqualTo(message);
    }

    @Test
    void editsAndDeletesCrossTheBusToo() {
        var edited = Messages.edited("m-2", "after");
        var deleted = Messages.deleted("m-3");
        assertThat(codec.decodeStored(codec.encodeStored(edited))).isEqualTo(edited);
        assertThat(codec.decodeStored(codec.encodeStored(deleted))).isEqualTo(deleted);
    }

    @Test
    void whoDeletedAMessageCrossesTheBus() {
        var byAuthor = Messages.deleted("m-3");
        var moderated = Messages.posted("m-4", "abuse").apply(
                new MessageChange.ModeratorErase(new UserId("moderator")), byAuthor.modifiedAt());

        assertThat(codec.encodeStored(moderated)).contains("\"deletedBy\":\"moderator\"");
        assertThat(codec.decodeStored(codec.encodeStored(moderated)).deletedBy()).isEqualTo(new UserId("moderator"));
        assertThat(codec.decodeStored(codec.encodeStored(byAuthor)).deletedBy()).isEqualTo(byAuthor.author());
        assertThat(codec.encodeStored(Messages.posted("m-1", "hello"))).doesNotContain("deletedBy");
    }

    @Test
    void aDeletedMessageFromANodeWithoutDeletersReadsAsDeletedByItsAuthor() {
        String older = "{\"v\":1,\"message\":{\"messageId\":\"m-5\",\"room\":\"general\",\"userId\":\"ada\","
                + "\"name\":\"Ada\",\"postedAt\":\"2026-11-27T18:38:45.123Z\","
                + "\"modifiedAt\":\"2026-11-27T18:38:46.123Z\",\"isDeleted\":true,\"seq\":3}}";

        assertThat(codec.decodeStored(older).deletedBy()).isEqualTo(new UserId("ada"));
    }

    @Test
    void aDeleterOnAMessageNotDeletedIsRefused() {
        String contradictory = "{\"v\":1,\"message\":{\"messageId\":\"m-6\",\"room\":\"general\","
                + "\"userId\":\"ada\",\"name\":\"Ada\",\"message\":\"hi\",\"postedAt\":\"2026-11-27T18:38:45.123Z\","
                + "\"modifiedAt\":\"2026-11-27T18:38:45.123Z\",\"isDeleted\":false,\"deletedBy\":\"bob\"}}";

        assertThatThrownBy(() -> codec.decodeStored(contradictory))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload holds an invalid message");
    }

    @Test
    void theShapeIsTheSnsPayloadsWithoutItsEndpoint() {
        assertThat(codec.encodeStored(Messages.posted("m-1", "hello")))
                .startsWith("{\"v\":1,\"message\":{\"messageId\":\"m-1\",\"room\":\"general\"")
                .contains("\"seq\":7");
    }

    @Test
    void anotherVersionOrBrokenTextIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> codec.decodeStored("{\"v\":2,\"message\":{}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload is not version 1");
        assertThatThrownBy(() -> codec.decodeStored("secret-ish{"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload is not JSON");
        assertThatThrownBy(() -> codec.decodeStored(
                "{\"v\":1,\"message\":{\"messageId\":\"\",\"room\":\"r\",\"userId\":\"u\",\"name\":\"n\","
                        + "\"message\":\"t\",\"postedAt\":\"x\",\"modifiedAt\":\"x\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload holds an invalid message");
    }
}
