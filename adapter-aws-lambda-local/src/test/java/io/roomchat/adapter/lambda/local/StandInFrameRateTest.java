package io.roomchat.adapter.lambda.local;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.core.port.in.Reply;
import io.roomchat.testkit.DynaliteServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-connection frame rate on the serverless flavour, end to end: real WebSocket clients, the handlers,
 * budgets kept in dynalite. One frame a second with bursts of three, so that a quick volley runs out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandInFrameRateTest {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private LocalServerless local;

    @BeforeAll
    void start() throws Exception {
        local = StandIns.on(DYNALITE).frameRate(1, 3).start();
    }

    @AfterAll
    void stop() {
        local.close();
    }

    @Test
    void frames_over_the_rate_get_429_with_their_request_id_store_nothing_and_the_connection_stays_usable()
            throws InterruptedException {
        String room = "room-" + UUID.randomUUID();
        try (WsTestClient hasty = WsTestClient.connect(local.webSocketUri(), StandIns.tokenFor("hasty"))) {
            assertThat(hasty.join(room, "Hasty").path("statusCode").asInt()).isEqualTo(200);
            List<String> requestIds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requestIds.add(hasty.sendWithRequestId(frame("onMessage").put("room", room).put("message", "m" + i)));
            }
            List<String> accepted = new ArrayList<>();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < requestIds.size(); i++) {
                JsonNode reply = hasty.nextReply();
                assertThat(reply.path("requestId").asText()).isEqualTo(requestIds.get(i));
                statuses.add(reply.path("statusCode").asInt());
                if (reply.path("statusCode").asInt() == 200) {
                    accepted.add("m" + i);
                } else {
                    assertThat(reply.path("body").asText()).isEqualTo(Reply.RATE_LIMITED_BODY);
                }
            }

            assertThat(statuses.subList(0, 2)).as("the rest of the burst").containsOnly(200);
            assertThat(statuses).containsOnly(200, 429).contains(429);
            assertThat(hasty.nextEvents(accepted.size())).extracting(event -> event.path("message").asText())
                    .containsExactlyInAnyOrderElementsOf(accepted);

            Thread.sleep(3_100); // the whole burst back
            JsonNode history = hasty.history(room);
            assertThat(history.path("statusCode").asInt()).isEqualTo(200);
            List<String> stored = new ArrayList<>();
            history.path("messages").forEach(message -> stored.add(message.path("message").asText()));
            assertThat(stored).as("only what was accepted is stored").containsExactlyInAnyOrderElementsOf(accepted);
            assertThat(hasty.post(room, "after the pause").path("statusCode").asInt()).isEqualTo(200);
        }
    }

    @Test
    void each_connection_has_its_own_budget_even_for_the_same_user() {
        String room = "room-" + UUID.randomUUID();
        try (WsTestClient first = WsTestClient.connect(local.webSocketUri(), StandIns.tokenFor("twin"));
             WsTestClient second = WsTestClient.connect(local.webSocketUri(), StandIns.tokenFor("twin"))) {
            for (int i = 0; i < 8; i++) {
                first.sendWithRequestId(frame("onJoin").put("room", room).put("name", "Twin"));
            }
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(first.nextReply().path("statusCode").asInt());
            }
            assertThat(statuses).contains(429);

            assertThat(second.join(room, "Twin").path("statusCode").asInt()).isEqualTo(200);
        }
    }
}
