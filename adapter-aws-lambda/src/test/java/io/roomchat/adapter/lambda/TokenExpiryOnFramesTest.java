package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.adapter.lambda.boot.ConnectHandler;
import io.roomchat.adapter.lambda.boot.FrameHandler;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.testkit.SettableClock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A socket does not outlive its token on the serverless binding: the handlers, connection records in dynalite,
 * replies and closes through the real SDK client to a local {@code @connections}. Each frame is checked against
 * the token's {@code exp} in the connection record; one that comes after it is not handled, is answered 401 and
 * the connection is closed and forgotten.
 */
class TokenExpiryOnFramesTest {
    @RegisterExtension
    static final DynaliteChats CHATS = new DynaliteChats();
    private static final Instant CONNECTED = Instant.parse("2026-12-07T12:00:00Z");
    private static final Instant EXP = CONNECTED.plusSeconds(3_600);

    private final SettableClock clock = new SettableClock(CONNECTED);
    private final String room = "room-" + UUID.randomUUID();

    /** Every token is valid, for its user, until {@link #EXP}. */
    private ServerlessChat chat() {
        return CHATS.builder(clock)
                .frameBudgets(CHATS.storage().frameBudgets())
                .tokenVerifier(token -> new TokenVerification.Verified(new Identity(new UserId(token), EXP)))
                .build();
    }

    @Test
    void frames_before_the_tokens_exp_are_handled_and_the_first_after_it_closes_the_connection_unhandled() {
        ServerlessChat chat = chat();
        String id = "conn-" + UUID.randomUUID();
        assertThat(new ConnectHandler(chat).handleRequest(LambdaEvents.connect(id, "ada"), null).getStatusCode())
                .isEqualTo(200);
        clock.set(EXP.minusSeconds(1));
        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onJoin", id,
                "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Ada\"}"), null);
        assertThat(status(CHATS.api().framesTo(id).get(0))).isEqualTo(200);

        clock.set(EXP);
        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onMessage", id,
                "{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"message\":\"too late\"}"), null);

        JsonNode reply = WebSocketRoutesTest.json(CHATS.api().framesTo(id).get(1));
        assertThat(reply.get("statusCode").asInt()).isEqualTo(401);
        assertThat(reply.get("body").asText()).isEqualTo(Reply.TOKEN_EXPIRED_BODY);
        assertThat(CHATS.api().closedConnections()).contains(id);
        assertThat(CHATS.storage().connectionStore().find(new ConnectionId(id))).as("forgotten").isEmpty();
        assertThat(CHATS.storage().messageStore().page(new RoomName(room), HistoryCursor.latest(), 10).messages())
                .as("the post was not handled").isEmpty();
    }

    @Test
    void a_connection_whose_token_ran_out_gets_nothing_more_from_its_room() {
        ServerlessChat chat = chat();
        String ada = "conn-" + UUID.randomUUID();
        String bo = "conn-" + UUID.randomUUID();
        for (String id : new String[] {ada, bo}) {
            new ConnectHandler(chat).handleRequest(LambdaEvents.connect(id, "user-" + id.substring(5, 10)), null);
            new FrameHandler(chat).handleRequest(LambdaEvents.frame("onJoin", id,
                    "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Member\"}"), null);
        }
        clock.set(EXP.plusSeconds(1));
        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onJoin", ada,
                "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Ada\"}"), null);

        assertThat(CHATS.storage().connectionStore().inRoom(new RoomName(room))).extracting(member -> member.connectionId().value())
                .containsExactly(bo);
    }

    private static int status(String frame) {
        return WebSocketRoutesTest.json(frame).get("statusCode").asInt();
    }
}
