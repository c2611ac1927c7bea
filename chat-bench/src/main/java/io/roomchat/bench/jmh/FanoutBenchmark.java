package io.roomchat.bench.jmh;

import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ConnectOutcome;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.ConnectionGateway;
import io.roomchat.core.port.out.DeliveryStatus;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.wire.WireCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The core's hot path: one post stored in the in-memory message store and fanned out to every member of a
 * 1,000-member room, through the real {@link ChatCore} and the real wire codec as event encoder. The gateway
 * only takes each delivery's text, so what is measured is the core's own cost per post and per delivery.
 * A fresh room per iteration keeps the store from growing across the whole run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class FanoutBenchmark {
    private static final CompletableFuture<DeliveryStatus> DELIVERED =
            CompletableFuture.completedFuture(DeliveryStatus.DELIVERED);

    @Param({"1000"})
    public int members;

    private ChatCore core;
    private ConnectionId sender;
    private PostMessageCommand post;

    @Setup(Level.Iteration)
    public void setUp(Blackhole blackhole) {
        ConnectionGateway gateway = (to, delivery) -> consume(blackhole, delivery.text());
        core = ChatCore.builder()
                .connectionStore(InMemoryChat.connectionStore())
                .messageStore(InMemoryChat.messageStore())
                .readPositions(InMemoryChat.readPositions())
                .gateway(gateway)
                .tokenVerifier(token -> new TokenVerification.Verified(new Identity(new UserId(token))))
                .eventEncoder(WireCodec.create())
                .build();
        RoomName room = new RoomName("bench-room");
        for (int i = 0; i < members; i++) {
            ConnectionId id = new ConnectionId("c" + i);
            if (!(core.connect(id, "user-" + i, Protocol.V1) instanceof ConnectOutcome.Accepted)) {
                throw new IllegalStateException("connect refused");
            }
            core.handle(id, new JoinRoomCommand(room, new DisplayName("User " + i)));
        }
        sender = new ConnectionId("c0");
        post = new PostMessageCommand(room, new MessageText("hello, a message of a typical length for a chat room"));
    }

    private static CompletionStage<DeliveryStatus> consume(Blackhole blackhole, String text) {
        blackhole.consume(text);
        return DELIVERED;
    }

    @Benchmark
    public Reply postAndFanOut() {
        return core.handle(sender, post);
    }
}
