package io.roomchat.testkit.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server API (docs/protocol.md, "Server API") end to end over real HTTP and WebSockets, on any binding: a post
 * reaches the members of a room on v1 and v2 connections, a resend is answered with the original's ids, and every
 * refusal has its status and changes nothing. A binding runs it by a subclass that says where its server is and
 * how to mint tokens; rooms and users are random, so one server may serve every test.
 */
public abstract class ServerApiScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final int MAX_BODY_BYTES = 32 * 1024;

    private final List<WsTestClient> clients = new ArrayList<>();

    /** The server's HTTP base, such as {@code http://127.0.0.1:3001/}. */
    protected abstract URI httpBase();

    /** The WebSocket endpoint, such as {@code ws://127.0.0.1:3001/}. */
    protected abstract URI webSocketEndpoint();

    /** A valid connection token whose subject is {@code userId}, with no scope. */
    protected abstract String tokenFor(String userId);

    /** A valid token whose subject is {@code userId} and whose {@code scope} claim is {@code scope}. */
    protected abstract String tokenWithScope(String userId, String scope);

    @AfterEach
    void closeClients() {
        clients.forEach(WsTestClient::close);
        clients.clear();
    }

    private WsTestClient member(String room, boolean v2) {
        String userId = "member-" + UUID.randomUUID();
        WsTestClient client = v2
                ? WsTestClient.connectV2(webSocketEndpoint(), tokenFor(userId))
                : WsTestClient.connect(webSocketEndpoint(), tokenFor(userId));
        clients.add(client);
        JsonNode reply = client.join(room, "Member");
        assertThat(reply.path("statusCode").asInt()).as("join %s", reply).isEqualTo(200);
        return client;
    }

    private static String room() {
        return "room-" + UUID.randomUUID();
    }

    private String publisherToken() {
        return tokenWithScope("bot-" + UUID.randomUUID(), "openid chat:publish");
    }

    private static String path(String room) {
        return "/api/rooms/" + URLEncoder.encode(room, StandardCharsets.UTF_8).replace("+", "%20") + "/messages";
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(httpBase().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> publish(String room, String token, String body) {
        return send("POST", path(room), Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json"), body);
    }

    private static String body(String message) {
        return JSON.createObjectNode().put("message", message).toString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String errorStartsWith) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json(response).path("error").asText()).startsWith(errorStartsWith);
    }

    private static boolean isMessage(JsonNode event) {
        return !event.has("type") || "message".equals(event.path("type").asText());
    }

    /** The next message event, skipping v2's presence events. */
    private static JsonNode nextMessage(WsTestClient client) {
        while (true) {
            JsonNode event = client.nextEvent();
            if (isMessage(event)) {
                return event;
            }
        }
    }

    private static void assertNoMessageWithin(WsTestClient client) {
        assertThat(client.eventWithin(QUIET).filter(ServerApiScenarios::isMessage)).isEmpty();
    }

    // --- success ---------------------------------------------------------------------------------------------

    @Test
    void a_post_answers_201_with_its_ids_and_reaches_v1_and_v2_members_as_any_message() {
        String room = room();
        WsTestClient v1 = member(room, false);
        WsTestClient v2 = member(room, true);
        String bot = "bot-" + UUID.randomUUID();

        HttpResponse<String> response = publish(room, tokenWithScope(bot, "chat:publish"),
                JSON.createObjectNode().put("message", "deploy finished").put("name", "Deploy bot").toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode ids = json(response);
        assertThat(ids.path("messageId").asText()).isNotEmpty();
        assertThat(ids.path("postedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(ids.path("seq").asLong()).isPositive();
        JsonNode v2Event = nextMessage(v2);
        for (JsonNode event : List.of(nextMessage(v1), v2Event)) {
            assertThat(event.path("message").asText()).isEqualTo("deploy finished");
            assertThat(event.path("messageId").asText()).isEqualTo(ids.path("messageId").asText());
            assertThat(event.path("postedAt").asText()).isEqualTo(ids.path("postedAt").asText());
            assertThat(event.path("userId").asText()).isEqualTo(bot);
            assertThat(event.path("name").asText()).isEqualTo("Deploy bot");
            assertThat(event.path("room").asText()).isEqualTo(room);
        }
        assertThat(v2Event.path("seq").asLong()).isEqualTo(ids.path("seq").asLong());
    }

    @Test
    void a_post_is_in_the_room_s_history_and_a_room_name_is_percent_decoded() {
        String room = "ops: café #" + UUID.randomUUID();

        assertThat(publish(room, publisherToken(), body("stored")).statusCode()).isEqualTo(201);

        WsTestClient reader = member(room, false);
        JsonNode history = reader.history(room);
        assertThat(history.path("statusCode").asInt()).isEqualTo(200);
        assertThat(history.path("messages").get(0).path("message").asText()).isEqualTo("stored");
    }

    @Test
    void a_resend_with_the_same_client_message_id_answers_the_original_s_ids_and_stores_nothing() {
        String room = room();
        WsTestClient member = member(room, false);
        String token = publisherToken();
        String keyed = JSON.createObjectNode().put("message", "nightly report").put("clientMessageId", "job-7")
                .toString();

        HttpResponse<String> first = publish(room, token, keyed);
        nextMessage(member);
        HttpResponse<String> again = publish(room, token, keyed);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again)).isEqualTo(json(first));
        assertNoMessageWithin(member);
        assertThat(member.history(room).path("messages")).hasSize(1);
    }

    // --- refusals ----------------------------------------------------------------------------------------------

    @Test
    void without_a_token_or_with_an_invalid_one_401_and_nothing_is_posted() {
        String room = room();
        WsTestClient member = member(room, false);

        HttpResponse<String> none = send("POST", path(room), Map.of("Content-Type", "application/json"), body("x"));
        HttpResponse<String> forged = publish(room, publisherToken() + "x", body("x"));
        HttpResponse<String> garbage = publish(room, "not-a-jwt", body("x"));

        assertRefused(none, 401, "Authorization");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertRefused(forged, 401, "token");
        assertRefused(garbage, 401, "token");
        assertNoMessageWithin(member);
    }

    @Test
    void a_valid_token_without_the_chat_publish_scope_is_403() {
        String room = room();
        WsTestClient member = member(room, false);

        assertRefused(publish(room, tokenFor("alice-" + UUID.randomUUID()), body("x")), 403, "scope");
        assertRefused(publish(room, tokenWithScope("bot", "chat:publisher chat:read"), body("x")), 403, "scope");
        assertNoMessageWithin(member);
    }

    @Test
    void another_method_is_405_with_allow_post() {
        for (String method : List.of("GET", "PUT", "DELETE")) {
            HttpResponse<String> response = send(method, path(room()),
                    Map.of("Authorization", "Bearer " + publisherToken()), method.equals("PUT") ? body("x") : null);
            assertRefused(response, 405, "method");
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        }
    }

    @Test
    void a_body_that_is_not_application_json_is_415() {
        String room = room();
        WsTestClient member = member(room, false);

        HttpResponse<String> response = send("POST", path(room), Map.of("Authorization", "Bearer " + publisherToken(),
                "Content-Type", "text/plain"), body("x"));

        assertRefused(response, 415, "Content-Type");
        assertNoMessageWithin(member);
    }

    @Test
    void a_body_over_32_kib_is_413() {
        String room = room();
        WsTestClient member = member(room, false);
        ObjectNode huge = JSON.createObjectNode().put("message", "x".repeat(MAX_BODY_BYTES));

        assertRefused(publish(room, publisherToken(), huge.toString()), 413, "body");
        assertNoMessageWithin(member);
    }

    @Test
    void a_chunked_body_without_a_length_is_refused_with_413_before_it_is_all_sent() throws Exception {
        long total = 64L * 1024 * 1024;
        URI base = httpBase();
        RawHttp.Answer answer = RawHttp.sendChunked(base, path(room()), Map.of("Host",
                base.getHost() + ":" + base.getPort(), "Authorization", "Bearer " + publisherToken(),
                "Content-Type", "application/json"), total);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.bytesSent()).as("the server answered without reading the whole body").isLessThan(total);
    }

    @Test
    void a_text_over_the_message_limit_is_413_naming_message_as_on_the_websocket() {
        String room = room();
        WsTestClient member = member(room, false);

        assertRefused(publish(room, publisherToken(), body("x".repeat(4_001))), 413, "message");
        assertNoMessageWithin(member);
    }

    @Test
    void bad_json_is_400_naming_the_field_and_nothing_is_posted() {
        String room = room();
        WsTestClient member = member(room, false);
        String token = publisherToken();

        assertRefused(publish(room, token, "{\"message\":"), 400, "body");
        assertRefused(publish(room, token, "{}"), 400, "message");
        assertRefused(publish(room, token, "{\"message\":42}"), 400, "message");
        assertRefused(publish(room, token, "{\"message\":\"x\",\"name\":\"" + "n".repeat(65) + "\"}"), 400, "name");
        assertRefused(publish(room, token, "{\"message\":\"x\",\"clientMessageId\":\"\"}"), 400,
                "clientMessageId");
        assertNoMessageWithin(member);
    }

    @Test
    void a_bad_room_is_400_naming_room() throws IOException {
        assertRefused(publish("r".repeat(129), publisherToken(), body("x")), 400, "room");
        // A control character, or not UTF-8: the HTTP server's own parser may refuse either first, so only the
        // status is the contract here.
        assertThat(publish("tab\there", publisherToken(), body("x")).statusCode()).isEqualTo(400);
        URI base = httpBase();
        assertThat(RawHttp.send(base, "POST", "/api/rooms/%C3%28/messages", Map.of("Host",
                base.getHost() + ":" + base.getPort(), "Authorization", "Bearer " + publisherToken(),
                "Content-Type", "application/json"), body("x").getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(400);
    }

    @Test
    void an_unknown_path_under_api_is_404() {
        assertThat(send("POST", "/api/rooms/general/things", Map.of("Authorization", "Bearer " + publisherToken(),
                "Content-Type", "application/json"), body("x")).statusCode()).isEqualTo(404);
    }
}
