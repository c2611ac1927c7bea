package io.roomchat.wire;

import static io.roomchat.wire.Frames.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRate;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.TypingCommand;
import io.roomchat.core.port.out.ChatMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The pipeline answers each frame in its connection's protocol, v2 actions and v2 replies for v2 only. */
class FramePipelineProtocolTest {
    private static final ConnectionId CALLER = new ConnectionId("c-1");

    private final List<ClientCommand> handled = new ArrayList<>();
    private final AtomicBoolean overBudget = new AtomicBoolean();
    private final FramePipeline pipeline = new FramePipeline(WireCodec.create(), (caller, command, replies) -> {
        handled.add(command);
        replies.send(Reply.ok());
    }, (connection, rate, now) -> !overBudget.get(), FrameRate.of(10, 20), Clock.systemUTC(), ChatMetrics.none());

    @Test
    void aV2FrameReachesTheCoreAndItsReplyIsTyped() {
        String reply = reply(Protocol.V2, json("{'action':'onTyping','room':'general',"
                + "'requestId':'t'}"));

        assertThat(reply).isEqualTo(json("{'type':'reply','statusCode':200,'body':'','requestId':'t'}"));
        assertThat(handled).containsExactly(new TypingCommand(new RoomName("general")));
    }

    @Test
    void aV1FrameIsAnsweredExactlyAsBefore() {
        assertThat(reply(Protocol.V1, json("{'action':'onJoin','room':'general','name':'B'}")))
                .isEqualTo("{\"statusCode\":200,\"body\":\"\"}");
        assertThat(reply(Protocol.V1, json("{'action':'onTyping','room':'general'}")))
                .isEqualTo("{\"statusCode\":400,\"body\":\"action: unknown 'onTyping'\"}");
    }

    @Test
    void rejectionsMadeInThePipelineAreTypedOnV2() {
        assertThat(reply(Protocol.V2, "not json"))
                .isEqualTo(json("{'type':'reply','statusCode':400,'body':'frame: malformed JSON'}"));
        assertThat(pipeline.binary(CALLER, Protocol.V2)).startsWith(json("{'type':'reply','statusCode':400,"));
        assertThat(pipeline.binary(CALLER, Protocol.V1)).startsWith(json("{'statusCode':400,"));

        overBudget.set(true);

        assertThat(reply(Protocol.V2, json("{'action':'onTyping','room':'g','requestId':'x'}")))
                .startsWith(json("{'type':'reply','statusCode':429,")).contains(json("'requestId':'x'"));
        assertThat(handled).isEmpty();
    }

    /** The frame's one reply, as the pipeline hands it to the transport. */
    private String reply(Protocol protocol, String text) {
        AtomicReference<String> reply = new AtomicReference<>();
        pipeline.text(CALLER, protocol, text, reply::set);
        return reply.get();
    }
}
