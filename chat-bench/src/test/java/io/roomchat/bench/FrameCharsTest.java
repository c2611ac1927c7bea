package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.wire.WireCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FrameCharsTest {
    private final WireCodec codec = WireCodec.create();

    /** The frame's bytes in a direct buffer, after some other bytes, as Jetty hands over a slice of what it read. */
    private static FrameChars bytesOf(String frame) {
        byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocateDirect(utf8.length + 7);
        buffer.put("garbage".getBytes(StandardCharsets.US_ASCII)).put(utf8).flip();
        buffer.position(7);
        return new FrameChars(buffer);
    }

    @Test
    void a_stamp_read_from_the_bytes_is_the_one_read_from_the_text_after_non_ascii_names() {
        BenchText.Stamp stamp = new BenchText.Stamp(41, 7, 3, 123_456_789_012L);
        String event = codec.encode(ChatMessage.posted(new MessageId("m-1"), new RoomName("r"), new UserId("u"),
                new DisplayName("Zoë 東京 🙂"), new MessageText(BenchText.text(stamp, 80)),
                Instant.parse("2026-11-27T18:38:45.123Z")));

        assertThat(event).contains("Zoë");
        assertThat(BenchText.read(bytesOf(event))).isEqualTo(stamp).isEqualTo(BenchText.read(event));
    }

    @Test
    void bytes_that_are_no_benchmark_event_have_no_stamp() {
        assertThat(BenchText.read(bytesOf("{\"messageId\":\"m\",\"message\":\"hello\"}"))).isNull();
        assertThat(BenchText.read(bytesOf("{\"message\":\"b:1:2:x\"}"))).isNull();
        assertThat(BenchText.read(bytesOf("{\"message\":\"b:1:2:3:"))).isNull();
        assertThat(BenchText.read(bytesOf("{\"message\":\"b:1:2:3:99999999999999999999999:\"}"))).isNull();
        assertThat(BenchText.read(bytesOf(""))).isNull();
    }

    @Test
    void a_reply_status_is_read_from_the_bytes_of_either_protocol() {
        assertThat(BenchProtocol.V1.replyStatus(bytesOf("{\"statusCode\":429,\"body\":\"x\"}"))).isEqualTo(429);
        assertThat(BenchProtocol.V2.replyStatus(bytesOf("{\"type\":\"reply\",\"statusCode\":200}"))).isEqualTo(200);
        assertThat(BenchProtocol.V2.replyStatus(bytesOf("{\"type\":\"presence\"}"))).isEqualTo(-1);
        assertThat(BenchProtocol.V1.replyStatus(bytesOf("{\"stat"))).isEqualTo(-1);
    }

    @Test
    void its_text_is_the_decoded_frame_and_its_bounds_are_the_frames() {
        String frame = "{\"type\":\"presence\",\"name\":\"Zoë\"}";
        FrameChars chars = bytesOf(frame);

        assertThat(chars.toString()).isEqualTo(frame);
        assertThat(chars.length()).isEqualTo(frame.getBytes(StandardCharsets.UTF_8).length);
        assertThat(chars.charAt(0)).isEqualTo('{');
        assertThat(chars.subSequence(2, 6).toString()).isEqualTo("type");
        assertThatThrownBy(() -> chars.charAt(chars.length())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> chars.charAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> chars.subSequence(3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
