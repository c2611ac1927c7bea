package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.adapter.lambda.boot.ConnectHandler;
import io.roomchat.adapter.lambda.boot.FrameHandler;
import io.roomchat.adapter.lambda.boot.DisconnectHandler;
import io.roomchat.adapter.lambda.boot.FanoutHandler;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRate;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ChatStorageException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The route handlers on real API Gateway and SNS event JSON, replying through the real SDK client over HTTP. */
class WebSocketRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ManagementApiStub api;

    private Chats chats;
    private ServerlessChat chat;
    private final String room = "room-" + UUID.randomUUID();

    @BeforeAll
    static void startApi() throws IOException {
        api = new ManagementApiStub();
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @BeforeEach
    void wire() {
        chats = new Chats(api);
        chat = chats.direct();
    }

    @Test
    void a_valid_token_opens_the_connection_and_records_its_user() {
        String id = newId();

        var response = new ConnectHandler(chat).handleRequest(LambdaEvents.connect(id, "valid-ada"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(chats.connections.find(new ConnectionId(id))).hasValueSatisfying(
                connection -> assertThat(connection.userId().value()).isEqualTo("ada"));
    }

    @Test
    void a_connect_offering_roomchat_v2_answers_with_the_subprotocol_header_and_opens_a_v2_connection() {
        String id = newId();

        var response = new ConnectHandler(chat).handleRequest(
                LambdaEvents.connectOffering(id, "valid-ada", "chat.other, roomchat.v2"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsExactlyEntriesOf(Map.of("Sec-WebSocket-Protocol", "roomchat.v2"));
        assertThat(chats.connections.find(new ConnectionId(id))).hasValueSatisfying(
                connection -> assertThat(connection.protocol()).isEqualTo(Protocol.V2));
    }

    @Test
    void a_connect_offering_no_subprotocol_or_only_others_answers_without_the_header_and_opens_a_v1_connection() {
        String plain = newId();
        String other = newId();

        var plainResponse = new ConnectHandler(chat).handleRequest(LambdaEvents.connect(plain, "valid-ada"), null);
        var otherResponse = new ConnectHandler(chat).handleRequest(
                LambdaEvents.connectOffering(other, "valid-bo", "roomchat.v3, chat.other"), null);

        for (var response : List.of(plainResponse, otherResponse)) {
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getHeaders()).isNull();
        }
        for (String id : List.of(plain, other)) {
            assertThat(chats.connections.find(new ConnectionId(id))).hasValueSatisfying(
                    connection -> assertThat(connection.protocol()).isEqualTo(Protocol.V1));
        }
    }

    @Test
    void a_refused_v2_offer_answers_401_without_the_subprotocol_header() {
        String id = newId();

        var response = new ConnectHandler(chat).handleRequest(
                LambdaEvents.connectOffering(id, "forged", "roomchat.v2"), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).isNull();
    }

    @Test
    void a_refused_token_answers_401_and_stores_nothing() {
        String id = newId();

        var response = new ConnectHandler(chat).handleRequest(LambdaEvents.connect(id, "forged"), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(chats.connections.find(new ConnectionId(id))).isEmpty();
    }

    @Test
    void a_bearer_header_is_accepted_in_place_of_the_query_token() {
        String id = newId();

        var response = new ConnectHandler(chat).handleRequest(LambdaEvents.connectWithBearer(id, "valid-bo"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(chats.connections.find(new ConnectionId(id))).isPresent();
    }

    @Test
    void each_frame_gets_exactly_one_reply_echoing_its_request_id() {
        String id = connected("ada");

        var response = new FrameHandler(chat).handleRequest(LambdaEvents.frame("onJoin", id,
                "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Ada\",\"requestId\":\"r-1\"}"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(api.framesTo(id)).singleElement().satisfies(frame -> {
            JsonNode reply = json(frame);
            assertThat(reply.get("statusCode").asInt()).isEqualTo(200);
            assertThat(reply.get("requestId").asText()).isEqualTo("r-1");
        });
    }

    @Test
    void bad_json_gets_a_400_reply_not_silence() {
        String id = connected("ada");

        new FrameHandler(chat).handleRequest(LambdaEvents.frame("$default", id, "{\"action\": onJoin"), null);

        assertThat(api.framesTo(id)).singleElement()
                .satisfies(frame -> assertThat(json(frame).get("statusCode").asInt()).isEqualTo(400));
    }

    @Test
    void an_unknown_action_gets_a_400_reply_naming_the_action_field() {
        String id = connected("ada");

        new FrameHandler(chat).handleRequest(LambdaEvents.frame("$default", id, "{\"action\":\"onDance\"}"), null);

        JsonNode reply = json(api.framesTo(id).get(0));
        assertThat(reply.get("statusCode").asInt()).isEqualTo(400);
        assertThat(reply.get("body").asText()).contains("action");
    }

    @Test
    void a_binary_frame_gets_a_400_reply() {
        String id = connected("ada");

        new FrameHandler(chat).handleRequest(LambdaEvents.binaryFrame(id, "AAEC"), null);

        JsonNode reply = json(api.framesTo(id).get(0));
        assertThat(reply.get("statusCode").asInt()).isEqualTo(400);
        assertThat(reply.get("body").asText()).isEqualTo(io.roomchat.wire.FramePipeline.BINARY_REFUSED);
    }

    @Test
    void a_message_reaches_every_member_of_the_room_the_sender_included_and_nobody_else() {
        String ada = joined("ada");
        String bo = joined("bo");
        String elsewhere = connected("cy");

        post(chat, ada, "hello room");

        assertThat(events(ada)).singleElement().satisfies(event -> {
            assertThat(event.get("message").asText()).isEqualTo("hello room");
            assertThat(event.get("userId").asText()).isEqualTo("ada");
            assertThat(event.get("name").asText()).isEqualTo("ada's name");
        });
        assertThat(events(bo)).singleElement()
                .satisfies(event -> assertThat(event.get("message").asText()).isEqualTo("hello room"));
        assertThat(api.framesTo(elsewhere)).isEmpty();
        assertThat(replies(ada)).anySatisfy(reply -> {
            assertThat(reply.get("statusCode").asInt()).isEqualTo(200);
            assertThat(reply.hasNonNull("messageId")).isTrue();
        });
    }

    @Test
    void posting_in_a_room_not_joined_is_403_and_stores_nothing() {
        String id = connected("ada");

        post(chat, id, "nobody hears this");

        assertThat(replies(id)).singleElement()
                .satisfies(reply -> assertThat(reply.get("statusCode").asInt()).isEqualTo(403));
        assertThat(history(joined("bo"))).isEmpty();
    }

    @Test
    void with_sns_fan_out_the_message_is_stored_published_and_broadcast_by_the_subscriber() {
        chat = chats.viaSns();
        String ada = joined("ada");
        String bo = joined("bo");

        post(chat, ada, "through the bus");

        assertThat(events(bo)).as("nothing is broadcast before the subscriber runs").isEmpty();
        // The two joins' presence events went the same way, before the message.
        assertThat(chats.sns.published()).hasSize(3);
        String payload = chats.sns.published().get(2).message();
        assertThat(payload).contains("\"kind\":\"message\"");
        assertThat(payload).contains(api.endpoint().toString());

        new FanoutHandler(chat).handleRequest(LambdaEvents.snsNotification(payload), null);

        assertThat(events(ada)).singleElement()
                .satisfies(event -> assertThat(event.get("message").asText()).isEqualTo("through the bus"));
        assertThat(events(bo)).singleElement()
                .satisfies(event -> assertThat(event.get("message").asText()).isEqualTo("through the bus"));
    }

    @Test
    void an_edit_by_someone_else_is_403_whatever_user_id_the_frame_claims() {
        String ada = joined("ada");
        String bo = joined("bo");
        post(chat, ada, "mine");
        String postedAt = events(ada).get(0).get("postedAt").asText();

        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onMessage", bo,
                "{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"postedAt\":\"" + postedAt
                        + "\",\"userId\":\"ada\",\"message\":\"not yours\"}"), null);

        assertThat(replies(bo)).last().satisfies(reply -> assertThat(reply.get("statusCode").asInt()).isEqualTo(403));
        assertThat(history(ada)).singleElement()
                .satisfies(message -> assertThat(message.get("message").asText()).isEqualTo("mine"));
    }

    @Test
    void history_is_in_the_reply_oldest_first() {
        String ada = joined("ada");
        post(chat, ada, "one");
        post(chat, ada, "two");

        assertThat(history(ada)).extracting(message -> message.get("message").asText()).containsExactly("one", "two");
    }

    @Test
    void disconnect_forgets_the_connection() {
        String id = joined("ada");

        var response = new DisconnectHandler(chat).handleRequest(LambdaEvents.disconnect(id), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(chats.connections.find(new ConnectionId(id))).isEmpty();
    }

    @Test
    void a_frame_over_the_size_limit_closes_the_connection() {
        String id = joined("ada");
        String huge = "x".repeat(40 * 1024);

        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onMessage", id,
                "{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"message\":\"" + huge + "\"}"), null);

        assertThat(api.closedConnections()).contains(id);
        assertThat(replies(id)).hasSize(1); // the join's, nothing for the oversized frame
    }

    @Test
    void with_sns_fan_out_presence_and_typing_go_through_the_subscriber_to_the_other_v2_connections() {
        chat = chats.viaSns();
        String ada = joinedV2("ada");
        String bo = joinedV2("bo");
        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onTyping", ada,
                "{\"action\":\"onTyping\",\"room\":\"" + room + "\"}"), null);

        assertThat(events(bo)).as("nothing before the subscriber runs").isEmpty();
        List<String> kinds = chats.sns.published().stream()
                .map(notification -> json(notification.message()).get("kind").asText()).toList();
        assertThat(kinds).containsExactly("presence", "presence", "typing");

        chats.sns.published().forEach(notification ->
                new FanoutHandler(chat).handleRequest(LambdaEvents.snsNotification(notification.message()), null));

        // Fanned out after both joined: each sees both joins.
        assertThat(events(bo)).extracting(event -> event.get("type").asText())
                .containsExactly("presence", "presence", "typing");
        assertThat(events(ada)).extracting(event -> event.get("type").asText() + ":" + event.get("userId").asText())
                .containsExactly("presence:ada", "presence:bo");
    }

    @Test
    void an_unreadable_sns_notification_is_dropped_without_failing_the_invocation() {
        chat = chats.viaSns();

        new FanoutHandler(chat).handleRequest(LambdaEvents.snsNotification("{\"v\":99}"), null);
        new FanoutHandler(chat).handleRequest(LambdaEvents.snsNotification("not json"), null);
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void a_frame_over_the_callers_budget_gets_429_with_its_request_id_and_reaches_nothing() {
        String id = joined("ada");
        chat = chats.builder().directFanout().frameBudgets((connection, rate, now) -> false).build();

        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onMessage", id,
                "{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"message\":\"hi\",\"requestId\":\"r-9\"}"),
                null);

        JsonNode reply = replies(id).get(replies(id).size() - 1);
        assertThat(reply.get("statusCode").asInt()).isEqualTo(429);
        assertThat(reply.get("requestId").asText()).isEqualTo("r-9");
        assertThat(events(id)).isEmpty();
        assertThat(chats.messages.page(new RoomName(room), HistoryCursor.latest(), 50).messages()).isEmpty();
    }

    @Test
    void budgets_that_cannot_be_read_let_the_frame_through_to_the_core() {
        String id = connected("ada");
        chat = chats.builder().directFanout().frameBudgets((connection, rate, now) -> {
            throw new ChatStorageException("budget store down");
        }).build();

        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onJoin", id,
                "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Ada\"}"), null);

        assertThat(replies(id)).singleElement()
                .satisfies(reply -> assertThat(reply.get("statusCode").asInt()).isEqualTo(200));
    }

    @Test
    void each_frame_takes_from_the_callers_budget_at_the_clocks_time() {
        String id = connected("ada");
        java.time.Instant now = java.time.Instant.parse("2026-12-01T12:00:00Z");
        List<String> takes = new java.util.concurrent.CopyOnWriteArrayList<>();
        chat = chats.builder().directFanout()
                .limits(Limits.defaults().withFramesPerSecond(4, 2))
                .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .frameBudgets((connection, rate, at) -> {
                    takes.add(connection.value() + " " + rate + " " + at);
                    return true;
                }).build();

        new FrameHandler(chat).handleRequest(LambdaEvents.frame("$default", id, "{\"action\":\"onDance\"}"), null);
        new FrameHandler(chat).handleRequest(LambdaEvents.binaryFrame(id, "AAEC"), null);

        assertThat(takes).containsExactly(id + " " + FrameRate.of(4, 2) + " " + now,
                id + " " + FrameRate.of(4, 2) + " " + now);
    }

    @Test
    void frames_in_and_the_replies_by_status_are_counted_as_self_hosted() {
        List<String> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
        chat = chats.builder().directFanout().metrics(new io.roomchat.core.port.out.ChatMetrics() {
            @Override
            public void frameIn() {
                counted.add("in");
            }

            @Override
            public void replied(io.roomchat.core.domain.Status status) {
                counted.add(Integer.toString(status.code()));
            }
        }).build();
        String id = connected("ada");

        new FrameHandler(chat).handleRequest(LambdaEvents.frame("$default", id, "{\"action\":\"onDance\"}"), null);
        new FrameHandler(chat).handleRequest(LambdaEvents.binaryFrame(id, "AAEC"), null);
        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onJoin", id,
                "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"Ada\"}"), null);

        assertThat(counted).containsExactly("in", "400", "in", "400", "in", "200");
    }

    private static String newId() {
        return "conn-" + UUID.randomUUID().toString().substring(0, 18) + "=";
    }

    private String connected(String user) {
        String id = newId();
        assertThat(new ConnectHandler(chat).handleRequest(LambdaEvents.connect(id, "valid-" + user), null)
                .getStatusCode()).isEqualTo(200);
        return id;
    }

    private String joined(String user) {
        String id = connected(user);
        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onJoin", id,
                "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"" + user + "'s name\"}"), null);
        return id;
    }

    private String joinedV2(String user) {
        String id = newId();
        assertThat(new ConnectHandler(chat).handleRequest(LambdaEvents.connectOffering(id, "valid-" + user,
                "roomchat.v2"), null).getStatusCode()).isEqualTo(200);
        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onJoin", id,
                "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"" + user + "\"}"), null);
        return id;
    }

    private void post(ServerlessChat target, String id, String text) {
        new FrameHandler(target).handleRequest(LambdaEvents.frame("onMessage", id,
                "{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"message\":\"" + text + "\"}"), null);
    }

    private List<JsonNode> history(String id) {
        int before = api.framesTo(id).size();
        new FrameHandler(chat).handleRequest(LambdaEvents.frame("onHistory", id,
                "{\"action\":\"onHistory\",\"room\":\"" + room + "\"}"), null);
        JsonNode reply = json(api.framesTo(id).get(before));
        assertThat(reply.get("statusCode").asInt()).isEqualTo(200);
        return iterate(reply.get("messages"));
    }

    private List<JsonNode> replies(String id) {
        return api.framesTo(id).stream().map(WebSocketRoutesTest::json).filter(f -> f.has("statusCode")).toList();
    }

    private List<JsonNode> events(String id) {
        return api.framesTo(id).stream().map(WebSocketRoutesTest::json).filter(f -> !f.has("statusCode")).toList();
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    static JsonNode json(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + frame, e);
        }
    }
}
