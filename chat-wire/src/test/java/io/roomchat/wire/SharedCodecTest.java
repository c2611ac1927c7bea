package io.roomchat.wire;

import static io.roomchat.wire.Frames.json;
import static io.roomchat.wire.Messages.posted;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.PostMessageCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One codec serves every connection of a server at once. */
class SharedCodecTest {

    @Test
    void oneCodecDecodesAndEncodesCorrectlyFromManyThreadsAtOnce() throws Exception {
        WireCodec codec = WireCodec.create();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String text = "t" + thread + "-" + i;
                        DecodedFrame decoded = codec.decode(json(
                                "{'action':'onMessage','room':'general','message':'" + text + "'}"));
                        PostMessageCommand expected =
                                new PostMessageCommand(new RoomName("general"), new MessageText(text));
                        if (!(decoded instanceof DecodedFrame.Command command) || !command.command().equals(expected)) {
                            return false;
                        }
                        if (!codec.encode(posted("m-" + i, text)).contains("\"message\":\"" + text + "\"")) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
