package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.wire.WireCodec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BenchTextTest {
    private final WireCodec codec = WireCodec.create();

    @Test
    void a_stamp_survives_the_servers_event_encoding() {
        BenchText.Stamp stamp = new BenchText.Stamp(41, 7, 3, 123_456_789_012L);
        String text = BenchText.text(stamp, 64);

        String event = codec.encode(ChatMessage.posted(new MessageId("m-1"), new RoomName("r"), new UserId("u"),
                new DisplayName("U"), new MessageText(text), Instant.parse("2026-11-27T18:38:45.123Z")));

        assertThat(text).hasSize(64);
        assertThat(BenchText.read(event)).isEqualTo(stamp);
    }

    @Test
    void the_post_frame_decodes_as_a_post_with_the_text() {
        String text = BenchText.text(new BenchText.Stamp(1, 2, 3, 4), 100);

        assertThat(codec.decode(BenchText.postFrame("bench-r0", text)).toString()).contains(text, "bench-r0");
    }

    @Test
    void frames_that_are_not_benchmark_events_have_no_stamp() {
        assertThat(BenchText.read("{\"messageId\":\"m\",\"message\":\"hello\"}")).isNull();
        assertThat(BenchText.read("{\"message\":\"b:1:2:x\"}")).isNull();
        assertThat(BenchText.read("{\"message\":\"b:1:2:3\"}")).isNull();
    }

    @Test
    void a_reply_is_told_from_an_event_by_its_status_code() {
        assertThat(BenchProtocol.V1.replyStatus("{\"statusCode\":200,\"body\":\"\"}")).isEqualTo(200);
        assertThat(BenchProtocol.V1.replyStatus("{\"statusCode\":429,\"body\":\"rate limited\"}")).isEqualTo(429);
        assertThat(BenchProtocol.V1.replyStatus("{\"messageId\":\"m\"}")).isEqualTo(-1);
    }

    @Test
    void reads_a_string_or_number_field_of_a_server_frame() {
        String reply = "{\"type\":\"reply\",\"statusCode\":200,\"body\":\"\",\"room\":\"r\",\"seq\":0,"
                + "\"members\":[{\"userId\":\"a\",\"name\":\"A\"}],\"memberCount\":201,\"unread\":0}";

        assertThat(BenchText.numberField(reply, "memberCount")).isEqualTo(201);
        assertThat(BenchText.numberField(reply, "lastRead")).isEqualTo(-1);
        assertThat(BenchText.stringField(reply, "userId")).isEqualTo("a");
        assertThat(BenchText.stringField(reply, "event")).isNull();
        assertThat(BenchText.typingFrame("bench-r0")).isEqualTo("{\"action\":\"onTyping\",\"room\":\"bench-r0\"}");
    }
}
