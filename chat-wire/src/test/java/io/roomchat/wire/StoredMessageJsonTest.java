package io.roomchat.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
