package io.roomchat.bench.jmh;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.wire.DecodedFrame;
import io.roomchat.wire.WireCodec;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Wire protocol v1 both ways: a client's post frame decoded; a message event and a post's reply encoded. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodecBenchmark {
    private static final String POST_FRAME = "{\"action\":\"onMessage\",\"room\":\"general\","
            + "\"message\":\"hello, a message of a typical length for a chat room\",\"requestId\":\"r-42\"}";

    private final WireCodec codec = WireCodec.create();
    private final ChatMessage event = ChatMessage.posted(new MessageId("0b9d3c1e-6f1a-4c2b-9a57-2f7e0d4c8a11"),
            new RoomName("general"), new UserId("user-42"), new DisplayName("Alice"),
            new MessageText("hello, a message of a typical length for a chat room"),
            Instant.parse("2026-11-27T18:38:45.123Z")).withSeq(1_234);
    private final Reply posted = Reply.ok(ReplyPayload.Posted.of(event));
    private final Optional<String> requestId = Optional.of("r-42");

    @Benchmark
    public DecodedFrame decodePost() {
        return codec.decode(POST_FRAME);
    }

    @Benchmark
    public String encodeEvent() {
        return codec.encode(event);
    }

    @Benchmark
    public String encodeReply() {
        return codec.encodeReply(posted, requestId);
    }
}
