package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.junit.jupiter.api.Test;

class BenchSocketTest {
    private final LoadStats stats = new LoadStats();
    private final BenchSocket socket = BenchSocket.member(new Room("r"), "u", 2, stats, BenchProtocol.V1);

    private static String event(String text) {
        return "{\"messageId\":\"m\",\"room\":\"r\",\"userId\":\"u\",\"name\":\"Zoë\",\"message\":\"" + text
                + "\",\"createdAt\":\"2026-12-07T20:00:00Z\"}";
    }

    private void receive(Frame frame) {
        socket.onFrame(frame, Callback.NOOP);
    }

    @Test
    void a_whole_message_event_is_one_delivery_and_a_second_copy_is_no_new_one() {
        socket.onOpen(new CoreSession.Empty(), Callback.NOOP);
        String frame = event(BenchText.text(new BenchText.Stamp(0, 1, 0, System.nanoTime()), 60));

        receive(new Frame(OpCode.TEXT, frame));
        receive(new Frame(OpCode.TEXT, frame));

        assertThat(stats.deliveries()).isEqualTo(2);
        assertThat(socket.receiver().duplicates()).isEqualTo(1);
        assertThat(stats.foreignFrames()).isZero();
    }

    @Test
    void a_message_event_in_fragments_is_read_once_whole() {
        socket.onOpen(new CoreSession.Empty(), Callback.NOOP);
        String frame = event(BenchText.text(new BenchText.Stamp(3, 0, 0, System.nanoTime()), 60));
        int cut = frame.indexOf(":3:") + 1;

        receive(new Frame(OpCode.TEXT, false, frame.substring(0, cut)));
        assertThat(stats.deliveries()).isZero();
        receive(new Frame(OpCode.CONTINUATION, true, frame.substring(cut)));

        assertThat(stats.deliveries()).isEqualTo(1);
        assertThat(socket.receiver().seen().get(3)).isTrue();
    }

    @Test
    void a_fragmented_message_past_the_limit_is_dropped_as_foreign_and_the_next_one_is_read() {
        socket.onOpen(new CoreSession.Empty(), Callback.NOOP);
        String part = "x".repeat(BenchSocket.MAX_MESSAGE_BYTES / 2 + 1);

        receive(new Frame(OpCode.TEXT, false, "{\"message\":\"b:" + part));
        receive(new Frame(OpCode.CONTINUATION, false, part));
        receive(new Frame(OpCode.CONTINUATION, true, "\"}"));
        receive(new Frame(OpCode.TEXT, event(BenchText.text(new BenchText.Stamp(1, 0, 0, System.nanoTime()), 60))));

        assertThat(stats.foreignFrames()).isEqualTo(1);
        assertThat(stats.deliveries()).isEqualTo(1);
    }

    @Test
    void a_frame_that_is_neither_reply_nor_benchmark_event_is_foreign() {
        socket.onOpen(new CoreSession.Empty(), Callback.NOOP);

        receive(new Frame(OpCode.TEXT, "{\"hello\":\"Zoë\"}"));

        assertThat(stats.foreignFrames()).isEqualTo(1);
        assertThat(stats.deliveries()).isZero();
    }
}
