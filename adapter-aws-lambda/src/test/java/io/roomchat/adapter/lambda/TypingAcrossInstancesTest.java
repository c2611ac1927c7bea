package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.adapter.lambda.boot.ConnectHandler;
import io.roomchat.adapter.lambda.boot.FrameHandler;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.testkit.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The typing throttle (one forwarded per connection and room every 2 s) holds across function instances: two
 * {@link ServerlessChat}s on one real dynalite, each frame going to either, as API Gateway spreads them.
 */
class TypingAcrossInstancesTest {
    @RegisterExtension
    static final DynaliteChats CHATS = new DynaliteChats();
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final String room = "room-" + UUID.randomUUID();
    private final ServerlessChat first = instance();
    private final ServerlessChat second = instance();

    private ServerlessChat instance() {
        return CHATS.builder(clock)
                .typingGate(CHATS.storage().typingGate())
                .tokenVerifier(token -> new TokenVerification.Verified(new Identity(new UserId(token))))
                .build();
    }

    private String joinedV2(String user) {
        String id = "conn-" + UUID.randomUUID();
        new ConnectHandler(first).handleRequest(LambdaEvents.connectOffering(id, user, "roomchat.v2"), null);
        new FrameHandler(first).handleRequest(LambdaEvents.frame("onJoin", id,
                "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"" + user + "\"}"), null);
        return id;
    }

    private void typing(ServerlessChat instance, String id) {
        new FrameHandler(instance).handleRequest(LambdaEvents.frame("onTyping", id,
                "{\"action\":\"onTyping\",\"room\":\"" + room + "\"}"), null);
    }

    private long typingSeenBy(String id) {
        return CHATS.api().framesTo(id).stream().map(WebSocketRoutesTest::json)
                .filter(frame -> "typing".equals(frame.path("type").asText())).count();
    }

    @Test
    void a_second_typing_within_2_s_on_another_instance_is_dropped_and_one_after_2_s_goes_out() {
        String ada = joinedV2("ada");
        String bo = joinedV2("bo");

        typing(first, ada);
        clock.set(T0.plusMillis(1_999));
        typing(second, ada);
        assertThat(typingSeenBy(bo)).isEqualTo(1);

        clock.set(T0.plusSeconds(2));
        typing(second, ada);
        assertThat(typingSeenBy(bo)).isEqualTo(2);
    }

    @Test
    void racing_typing_frames_on_two_instances_forward_one() throws Exception {
        String ada = joinedV2("ada");
        String bo = joinedV2("bo");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ServerlessChat instance = i % 2 == 0 ? first : second;
            done.add(pool.submit(() -> {
                go.await();
                typing(instance, ada);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> each : done) {
            each.get();
        }
        pool.shutdown();

        assertThat(typingSeenBy(bo)).isEqualTo(1);
    }
}
