package io.roomchat.testkit.protocol;

import static io.roomchat.testkit.protocol.ProtocolScenarios.assertOk;
import static io.roomchat.testkit.protocol.ProtocolScenarios.assertStatus;
import static io.roomchat.testkit.protocol.ProtocolScenarios.room;
import static io.roomchat.testkit.protocol.ProtocolScenarios.user;
import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol v2 (SPEC §6, docs/protocol.md "v2") end to end over real WebSockets, one behaviour per test, on any
 * binding: a subclass says where the endpoint is and how to get a token. Rooms and users are random, so one
 * server may serve every test. Each client a test opens has an index (0 for its first, in opening order) and
 * connects to {@link #endpointForClient(int)}, so a subclass can spread a test's clients over several nodes. Tests keep each
 * connection within the frame budget (a burst of 20), pacing where they need more.
 */
public abstract class V2ProtocolScenarios {
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Set<String> V2_TYPES = Set.of("reply", "message", "presence", "typing", "read", "kicked");
    private static final int MAX_ROOMS = 50;
    private static final int MAX_MISSED = 500;

    private final List<WsTestClient> clients = new ArrayList<>();
    private final List<V2TestClient> v2Clients = new ArrayList<>();

    /** The WebSocket endpoint, such as {@code ws://127.0.0.1:3001/}. */
    protected abstract URI endpoint();

    /** A valid access token whose subject is {@code userId}. */
    protected abstract String tokenFor(String userId);

    /**
     * The endpoint of a test's {@code clientIndex}-th client (0 for the first it opens); one endpoint for all by
     * default. A subclass with several nodes answers a different one per index.
     */
    protected URI endpointForClient(int clientIndex) {
        return endpoint();
    }

    /** Whether every member of a room sees its changes in one order (self-hosted yes; serverless no). */
    protected boolean ordersEventsPerRoom() {
        return true;
    }

    /**
     * Whether a change made while a resuming join runs may reach the joiner twice, identical (serverless: the
     * catch-up and the live fan-out do not share one order). Self-hosted never.
     */
    protected boolean resumeMayRepeatAChange() {
        return false;
    }

    @AfterEach
    void everyV2FrameIsTypedAndClientsClose() {
        try {
            for (V2TestClient client : v2Clients) {
                assertThat(client.received()).allSatisfy(
                        received -> assertThat(received.path("type").asText()).as("frame %s", received)
                                .isIn(V2_TYPES));
            }
        } finally {
            clients.forEach(WsTestClient::close);
            clients.clear();
            v2Clients.clear();
        }
    }

    // --- clients and frames -------------------------------------------------------------------------------------

    /** A v2 connection (offering {@code roomchat.v2}) of {@code userId}. */
    protected V2TestClient connectV2(String userId) {
        WsTestClient client = WsTestClient.connectV2(endpointForClient(clients.size()), tokenFor(userId));
        clients.add(client);
        V2TestClient v2 = new V2TestClient(client);
        v2Clients.add(v2);
        return v2;
    }

    /** A v1 connection (offering no subprotocol) of {@code userId}. */
    protected WsTestClient connectV1(String userId) {
        WsTestClient client = WsTestClient.connect(endpointForClient(clients.size()), tokenFor(userId));
        clients.add(client);
        return client;
    }

    protected V2TestClient joinedV2(String userId, String room, String name) {
        V2TestClient client = connectV2(userId);
        assertOk(client.join(room, name));
        return client;
    }

    private static ObjectNode join(String room, String name) {
        return frame("onJoin").put("room", room).put("name", name);
    }

    private static ObjectNode inRoom(String action, String room) {
        return frame(action).put("room", room);
    }

    private static ObjectNode read(String room, String postedAt) {
        return inRoom("onRead", room).put("postedAt", postedAt);
    }

    private static ObjectNode edit(String room, String postedAt, String text) {
        return inRoom("onMessage", room).put("postedAt", postedAt).put("message", text);
    }

    private static ObjectNode delete(String room, String postedAt) {
        return inRoom("onMessage", room).put("postedAt", postedAt).put("isDeleted", true);
    }

    private static Predicate<JsonNode> about(String userId) {
        return event -> userId.equals(event.path("userId").asText());
    }

    private static Predicate<JsonNode> inRoomNamed(String room) {
        return event -> room.equals(event.path("room").asText());
    }

    private static Predicate<JsonNode> presence(String event, String userId) {
        return about(userId).and(received -> event.equals(received.path("event").asText()));
    }

    private static List<String> userIds(JsonNode members) {
        List<String> ids = new ArrayList<>();
        members.forEach(member -> ids.add(member.path("userId").asText()));
        return ids;
    }

    private static List<Long> seqs(List<JsonNode> events) {
        return events.stream().map(event -> event.path("seq").asLong()).toList();
    }

    /** Sends {@code request} again, a little later, for as long as the frame budget answers 429. */
    private static JsonNode requestPaced(V2TestClient client, ObjectNode request) {
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode reply = client.request(request);
            if (reply.path("statusCode").asInt() != 429) {
                return reply;
            }
            pause(Duration.ofMillis(150));
        }
        throw new AssertionError("still rate limited after 100 attempts: " + request);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // --- negotiation and frames ---------------------------------------------------------------------------------

    @Test
    void offering_roomchat_v2_is_answered_with_it_and_every_frame_then_has_a_type() {
        String room = room();
        V2TestClient alice = connectV2(user("alice"));

        assertThat(alice.raw().acceptedSubprotocol()).contains(WsTestClient.V2_SUBPROTOCOL);
        JsonNode reply = alice.join(room, "Alice");
        assertOk(reply);
        assertThat(reply.path("type").asText()).isEqualTo("reply");
        assertThat(reply.fieldNames().next()).as("type comes first").isEqualTo("type");
        assertThat(alice.post(room, "typed").path("type").asText()).isEqualTo("reply");
        assertThat(alice.next("message").path("message").asText()).isEqualTo("typed");
        assertThat(alice.request(frame("fly")).path("type").asText()).isEqualTo("reply");
        // The after-each check asserts that every frame this client received is typed.
    }

    @Test
    void a_client_offering_no_subprotocol_speaks_v1_exactly_with_no_type_field() {
        String room = room();
        WsTestClient alice = connectV1(user("alice"));
        V2TestClient bob = connectV2(user("bob"));

        assertThat(alice.acceptedSubprotocol()).isEmpty();
        JsonNode joined = alice.join(room, "Alice");
        assertThat(joined.properties()).extracting(Map.Entry::getKey)
                .containsExactly("statusCode", "body", "requestId");
        assertOk(joined);
        assertOk(bob.join(room, "Bob"));
        assertOk(bob.post(room, "to both"));
        JsonNode event = alice.nextEvent();
        assertThat(event.path("message").asText()).isEqualTo("to both");
        assertStatus(alice.request(inRoom("onTyping", room)), 400, "action");
        assertStatus(alice.request(inRoom("onLeave", room)), 400, "action");

        assertThat(alice.received()).noneMatch(received -> received.has("type"));
    }

    @Test
    void a_v1_join_ignores_since_and_sends_no_catch_up() {
        String room = room();
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");
        assertOk(bob.post(room, "before"));
        WsTestClient alice = connectV1(user("alice"));

        JsonNode joined = alice.request(join(room, "Alice").put("since", 0));

        assertThat(joined.properties()).extracting(Map.Entry::getKey)
                .containsExactly("statusCode", "body", "requestId");
        assertOk(joined);
        assertThat(alice.eventWithin(QUIET)).isEmpty();
    }

    // --- many rooms ---------------------------------------------------------------------------------------------

    @Test
    void a_connection_in_two_rooms_gets_each_rooms_messages_tagged_with_its_room() {
        String first = room();
        String second = room();
        V2TestClient alice = joinedV2(user("alice"), first, "Alice");
        assertOk(alice.join(second, "Alice"));
        V2TestClient bob = joinedV2(user("bob"), first, "Bob");
        V2TestClient carol = joinedV2(user("carol"), second, "Carol");

        assertOk(bob.post(first, "in the first"));
        assertOk(carol.post(second, "in the second"));

        assertThat(alice.next("message", inRoomNamed(first)).path("message").asText()).isEqualTo("in the first");
        assertThat(alice.next("message", inRoomNamed(second)).path("message").asText()).isEqualTo("in the second");
        assertThat(bob.next("message").path("message").asText()).isEqualTo("in the first");
        assertThat(carol.next("message").path("message").asText()).isEqualTo("in the second");
        assertThat(bob.drain("message", QUIET)).isEmpty();
        assertThat(alice.drain("message", QUIET)).isEmpty();
    }

    @Test
    void one_room_too_many_is_403_naming_room_and_leaving_one_makes_space() {
        V2TestClient alice = connectV2(user("alice"));
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < MAX_ROOMS; i++) {
            rooms.add(room());
            assertOk(requestPaced(alice, join(rooms.get(i), "Alice")));
        }
        String oneTooMany = room();

        assertStatus(requestPaced(alice, join(oneTooMany, "Alice")), 403, "room");

        assertStatus(requestPaced(alice, inRoom("onMessage", oneTooMany).put("message", "in?")), 403, "room");
        assertOk(requestPaced(alice, inRoom("onMessage", rooms.get(MAX_ROOMS - 1)).put("message", "still in")));
        assertOk(requestPaced(alice, inRoom("onLeave", rooms.get(0))));
        assertOk(requestPaced(alice, join(oneTooMany, "Alice")));
    }

    @Test
    void joining_a_joined_room_again_only_updates_the_display_name() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");
        bob.next("presence", presence("join", aliceId));

        assertOk(alice.join(room, "Ally"));
        assertOk(alice.post(room, "renamed"));

        JsonNode posted = bob.next("message");
        assertThat(posted.path("name").asText()).isEqualTo("Ally");
        assertThat(alice.next("message").path("message").asText()).isEqualTo("renamed");
        assertThat(alice.drain("message", QUIET)).as("still in the room once").isEmpty();
        assertThat(bob.drain("presence", QUIET)).as("no second join, no leave").noneMatch(about(aliceId)::test);
        JsonNode present = bob.request(inRoom("onPresence", room));
        assertThat(present.path("memberCount").asInt()).isEqualTo(2);
        assertThat(present.path("members")).anySatisfy(member -> {
            assertThat(member.path("userId").asText()).isEqualTo(aliceId);
            assertThat(member.path("name").asText()).isEqualTo("Ally");
        });
    }

    // --- onLeave ------------------------------------------------------------------------------------------------

    @Test
    void leaving_a_room_not_joined_is_403_naming_room() {
        String room = room();
        V2TestClient alice = connectV2(user("alice"));

        assertStatus(alice.request(inRoom("onLeave", room)), 403, "room");
        assertOk(alice.join(room, "Alice"));
        assertOk(alice.request(inRoom("onLeave", room)));
        assertStatus(alice.request(inRoom("onLeave", room)), 403, "room");
    }

    @Test
    void leaving_one_room_stops_its_delivery_and_keeps_the_other() {
        String left = room();
        String kept = room();
        V2TestClient alice = joinedV2(user("alice"), left, "Alice");
        assertOk(alice.join(kept, "Alice"));
        V2TestClient bob = joinedV2(user("bob"), left, "Bob");
        assertOk(bob.join(kept, "Bob"));

        assertOk(alice.request(inRoom("onLeave", left)));
        assertOk(bob.post(left, "after she left"));
        assertOk(bob.post(kept, "where she stays"));

        assertThat(alice.next("message").path("message").asText()).isEqualTo("where she stays");
        assertThat(alice.drain("message", QUIET)).isEmpty();
        assertStatus(alice.post(left, "back?"), 403, "room");
    }

    // --- v1 and v2 together -------------------------------------------------------------------------------------

    @Test
    void a_v1_and_a_v2_client_share_a_room_each_in_its_own_protocol() {
        String room = room();
        WsTestClient alice = connectV1(user("alice"));
        assertOk(alice.join(room, "Alice"));
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");

        JsonNode fromAlice = alice.post(room, "from v1");
        JsonNode fromBob = bob.post(room, "from v2");

        JsonNode v1First = alice.nextEvent();
        JsonNode v1Second = alice.nextEvent();
        List<JsonNode> v2Events = bob.nextMessages(2);
        assertThat(List.of(v1First, v1Second)).allSatisfy(event -> assertThat(event.has("type")).isFalse())
                .extracting(event -> event.path("message").asText())
                .containsExactlyInAnyOrder("from v1", "from v2");
        assertThat(v2Events).extracting(event -> event.path("message").asText())
                .containsExactlyInAnyOrder("from v1", "from v2");
        for (JsonNode v2Event : v2Events) {
            JsonNode same = v2Event.path("messageId").equals(v1First.path("messageId")) ? v1First : v1Second;
            ObjectNode withoutType = v2Event.deepCopy();
            withoutType.remove("type");
            assertThat(withoutType).as("a v2 message event is the v1 event plus its type").isEqualTo(same);
        }
        assertThat(List.of(fromAlice.path("seq").asLong(), fromBob.path("seq").asLong()))
                .containsExactlyInAnyOrderElementsOf(seqs(v2Events));
    }

    @Test
    void a_v1_join_still_switches_rooms_while_v2_joins_add_them() {
        String first = room();
        String second = room();
        WsTestClient v1 = connectV1(user("v1"));
        V2TestClient v2 = connectV2(user("v2"));
        V2TestClient poster = joinedV2(user("poster"), first, "Poster");
        assertOk(poster.join(second, "Poster"));

        for (String room : List.of(first, second)) {
            assertOk(v1.join(room, "V1"));
            assertOk(v2.join(room, "V2"));
        }
        assertOk(poster.post(first, "to the first"));
        assertOk(poster.post(second, "to the second"));

        assertThat(v1.nextEvent().path("message").asText()).isEqualTo("to the second");
        assertThat(v1.eventWithin(QUIET)).isEmpty();
        assertThat(v2.nextMessages(2)).extracting(event -> event.path("room").asText())
                .containsExactlyInAnyOrder(first, second);
    }

    // --- seq ----------------------------------------------------------------------------------------------------

    @Test
    void new_edit_and_delete_each_take_the_rooms_next_seq_in_events_replies_history_and_joins() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");

        JsonNode posted = alice.post(room, "first");
        JsonNode created = bob.next("message");
        assertOk(alice.request(edit(room, posted.path("postedAt").asText(), "first, edited")));
        JsonNode edited = bob.next("message");
        assertOk(alice.request(delete(room, posted.path("postedAt").asText())));
        JsonNode deleted = bob.next("message");

        long seq = posted.path("seq").asLong();
        assertThat(posted.path("seq").isIntegralNumber()).as("reply %s", posted).isTrue();
        assertThat(seq).isPositive();
        assertThat(created.path("seq").asLong()).isEqualTo(seq);
        assertThat(edited.path("seq").asLong()).isGreaterThan(seq);
        assertThat(deleted.path("seq").asLong()).isGreaterThan(edited.path("seq").asLong());
        JsonNode history = bob.request(inRoom("onHistory", room));
        assertThat(history.path("type").asText()).isEqualTo("reply");
        assertThat(history.path("messages")).singleElement()
                .satisfies(message -> assertThat(message.path("seq").asLong()).isEqualTo(
                        deleted.path("seq").asLong()));
        JsonNode rejoined = joinedV2Reply(aliceId, room);
        assertThat(rejoined.path("seq").asLong()).isEqualTo(deleted.path("seq").asLong());
    }

    private JsonNode joinedV2Reply(String userId, String room) {
        JsonNode reply = connectV2(userId).join(room, "Again");
        assertOk(reply);
        return reply;
    }

    // --- resume -------------------------------------------------------------------------------------------------

    @Test
    void resume_answers_first_then_sends_the_current_state_of_each_changed_message_by_seq_then_live_ones() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");
        JsonNode seen = bob.post(room, "seen");
        alice.next("message");
        alice.close();
        JsonNode missed = bob.post(room, "missed, then deleted");
        assertOk(bob.request(edit(room, seen.path("postedAt").asText(), "seen, then edited")));
        JsonNode kept = bob.post(room, "missed");
        assertOk(bob.request(delete(room, missed.path("postedAt").asText())));

        V2TestClient back = connectV2(aliceId);
        String requestId = back.raw().sendWithRequestId(join(room, "Alice").put("since", seen.path("seq").asLong()));
        JsonNode reply = back.raw().nextReply();
        List<JsonNode> catchUp = back.nextMessages(3);
        assertOk(bob.post(room, "live"));
        JsonNode live = back.next("message");

        assertOk(reply);
        assertThat(reply.path("requestId").asText()).isEqualTo(requestId);
        assertThat(reply.path("recovered").asBoolean()).isTrue();
        assertThat(catchUp).extracting(event -> event.path("message").asText(null))
                .containsExactly("seen, then edited", "missed", null);
        assertThat(catchUp.get(1).path("messageId").asText()).isEqualTo(kept.path("messageId").asText());
        assertThat(catchUp.get(2).path("messageId").asText()).isEqualTo(missed.path("messageId").asText());
        assertThat(catchUp.get(2).path("isDeleted").asBoolean()).isTrue();
        assertThat(seqs(catchUp)).isSorted().doesNotHaveDuplicates();
        assertThat(catchUp.get(2).path("seq").asLong()).isEqualTo(reply.path("seq").asLong());
        assertThat(live.path("message").asText()).isEqualTo("live");
        assertThat(back.drain("message", QUIET)).as("nothing twice").isEmpty();
        List<JsonNode> frames = back.received();
        int replyAt = frames.indexOf(reply);
        assertThat(frames.subList(0, replyAt)).as("no message before the reply")
                .noneMatch(frame -> "message".equals(frame.path("type").asText()));
    }

    @Test
    void resume_while_others_post_misses_nothing_and_repeats_only_where_the_binding_says() throws Exception {
        String room = room();
        String aliceId = user("alice");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");
        long since = bob.post(room, "seen").path("seq").asLong();
        alice.next("message");
        alice.close();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            expected.add(bob.post(room, "missed " + i).path("messageId").asText());
        }

        CompletableFuture<List<String>> posting = CompletableFuture.supplyAsync(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                JsonNode reply = bob.post(room, "during " + i);
                assertOk(reply);
                ids.add(reply.path("messageId").asText());
                pause(Duration.ofMillis(20));
            }
            return ids;
        });
        V2TestClient back = connectV2(aliceId);
        assertOk(back.request(join(room, "Alice").put("since", since)));
        expected.addAll(posting.get());

        Map<String, List<JsonNode>> byMessage = new LinkedHashMap<>();
        List<JsonNode> arrived = new ArrayList<>();
        while (!byMessage.keySet().containsAll(expected)) {
            JsonNode event = back.next("message");
            arrived.add(event);
            byMessage.computeIfAbsent(event.path("messageId").asText(), id -> new ArrayList<>()).add(event);
        }
        for (JsonNode late : back.drain("message", QUIET)) {
            byMessage.computeIfAbsent(late.path("messageId").asText(), id -> new ArrayList<>()).add(late);
        }

        assertThat(byMessage.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        byMessage.forEach((id, events) -> {
            assertThat(events).as("every copy of %s is identical", id).allSatisfy(
                    event -> assertThat(event).isEqualTo(events.get(0)));
            if (!resumeMayRepeatAChange()) {
                assertThat(events).as("%s sent once", id).hasSize(1);
            }
        });
        if (ordersEventsPerRoom()) {
            assertThat(seqs(arrived)).as("catch-up then live, one order").isSorted();
        }
    }

    @Test
    void resume_with_more_than_500_missing_says_not_recovered_and_sends_none() {
        String room = room();
        String bobId = user("bob");
        int postsPerConnection = 17;
        int posted = 0;
        while (posted <= MAX_MISSED) {
            WsTestClient bob = connectV1(bobId);
            assertOk(bob.join(room, "Bob"));
            for (int i = 0; i < postsPerConnection; i++) {
                bob.sendWithRequestId(inRoom("onMessage", room).put("message", "m" + posted++));
            }
            for (int i = 0; i < postsPerConnection; i++) {
                assertOk(bob.nextReply());
            }
            bob.close();
        }
        V2TestClient alice = connectV2(user("alice"));

        JsonNode behind = alice.request(join(room, "Alice").put("since", 0));
        assertThat(alice.drain("message", QUIET)).isEmpty();
        V2TestClient again = connectV2(user("alice"));
        JsonNode oneBehind = again.request(join(room, "Alice").put("since", behind.path("seq").asLong() - 1));
        JsonNode caughtUp = again.next("message");

        assertOk(behind);
        assertThat(behind.path("seq").asLong()).isGreaterThan(MAX_MISSED);
        assertThat(behind.path("recovered").isBoolean()).as("reply %s", behind).isTrue();
        assertThat(behind.path("recovered").asBoolean()).isFalse();
        assertThat(oneBehind.path("recovered").asBoolean()).isTrue();
        assertThat(caughtUp.path("seq").asLong()).isEqualTo(behind.path("seq").asLong());
        assertThat(caughtUp.path("message").asText()).isEqualTo("m" + (posted - 1));
        assertThat(again.drain("message", QUIET)).isEmpty();
    }

    @Test
    void resume_since_the_latest_seq_or_beyond_is_recovered_and_sends_nothing() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");
        long latest = bob.post(room, "the latest").path("seq").asLong();
        V2TestClient alice = connectV2(aliceId);
        V2TestClient ahead = connectV2(aliceId);

        JsonNode current = alice.request(join(room, "Alice").put("since", latest));
        JsonNode beyond = ahead.request(join(room, "Alice").put("since", latest + 1_000));

        for (JsonNode reply : List.of(current, beyond)) {
            assertOk(reply);
            assertThat(reply.path("seq").asLong()).isEqualTo(latest);
            assertThat(reply.path("recovered").asBoolean()).as("reply %s", reply).isTrue();
        }
        assertThat(alice.drain("message", QUIET)).isEmpty();
        assertThat(ahead.drain("message", QUIET)).isEmpty();
    }

    @Test
    void a_join_without_since_sends_no_catch_up_and_no_recovered_field() {
        String room = room();
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");
        assertOk(bob.post(room, "before she came"));
        V2TestClient alice = connectV2(user("alice"));

        JsonNode reply = alice.join(room, "Alice");

        assertOk(reply);
        assertThat(reply.has("recovered")).isFalse();
        assertThat(alice.drain("message", QUIET)).isEmpty();
    }

    // --- onHistory since ----------------------------------------------------------------------------------------

    @Test
    void history_since_returns_the_changed_messages_by_seq_and_takes_no_second_cursor() {
        String room = room();
        V2TestClient alice = joinedV2(user("alice"), room, "Alice");
        JsonNode first = alice.post(room, "first");
        long since = first.path("seq").asLong();
        JsonNode second = alice.post(room, "second");
        assertOk(alice.request(edit(room, first.path("postedAt").asText(), "first, edited")));
        String postedAt = first.path("postedAt").asText();

        JsonNode page = alice.request(inRoom("onHistory", room).put("since", since).put("limit", 1));
        JsonNode rest = alice.request(inRoom("onHistory", room)
                .put("since", page.path("messages").get(0).path("seq").asLong()));

        assertThat(page.path("messages")).singleElement().satisfies(message -> assertThat(
                message.path("messageId").asText()).isEqualTo(second.path("messageId").asText()));
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        assertThat(rest.path("messages")).singleElement().satisfies(message -> assertThat(
                message.path("message").asText()).isEqualTo("first, edited"));
        assertThat(rest.path("hasMore").asBoolean()).isFalse();
        assertStatus(alice.request(inRoom("onHistory", room).put("since", 0).put("before", postedAt)), 400, "since");
        assertStatus(alice.request(inRoom("onHistory", room).put("since", 0).put("after", postedAt)), 400, "since");
    }

    // --- the join reply -----------------------------------------------------------------------------------------

    @Test
    void the_join_reply_of_an_empty_room_has_seq_0_the_caller_as_only_member_and_nothing_unread() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient alice = connectV2(aliceId);

        JsonNode reply = alice.join(room, "Alice");

        assertOk(reply);
        assertThat(reply.path("room").asText()).isEqualTo(room);
        assertThat(reply.path("seq").isIntegralNumber()).isTrue();
        assertThat(reply.path("seq").asLong()).isZero();
        assertThat(reply.path("members")).singleElement().satisfies(member -> {
            assertThat(member.path("userId").asText()).isEqualTo(aliceId);
            assertThat(member.path("name").asText()).isEqualTo("Alice");
        });
        assertThat(reply.path("memberCount").asInt()).isEqualTo(1);
        assertThat(reply.has("lastRead")).isTrue();
        assertThat(reply.path("lastRead").isNull()).isTrue();
        assertThat(reply.path("unread").asInt()).isZero();
        assertThat(reply.path("moderator").isBoolean()).as("moderator is always told").isTrue();
        assertThat(reply.path("moderator").asBoolean()).as("a token without a moderator claim").isFalse();
    }

    @Test
    void the_join_reply_counts_others_undeleted_messages_after_the_read_position() {
        String room = room();
        String aliceId = user("alice");
        String bobId = user("bob");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");
        V2TestClient bob = joinedV2(bobId, room, "Bob");
        JsonNode b1 = bob.post(room, "b1");
        JsonNode b2 = bob.post(room, "b2");
        bob.post(room, "b3");
        assertOk(bob.request(delete(room, b2.path("postedAt").asText())));
        JsonNode own = alice.post(room, "a1");

        JsonNode unreadAll = connectV2(aliceId).join(room, "Alice");
        assertOk(alice.request(read(room, b1.path("postedAt").asText())));
        JsonNode afterRead = connectV2(aliceId).join(room, "Alice");

        assertThat(unreadAll.path("seq").asLong()).isEqualTo(own.path("seq").asLong());
        assertThat(userIds(unreadAll.path("members"))).containsExactlyInAnyOrder(aliceId, bobId);
        assertThat(unreadAll.path("memberCount").asInt()).as("users, not connections").isEqualTo(2);
        assertThat(unreadAll.path("lastRead").isNull()).isTrue();
        assertThat(unreadAll.path("unread").asInt()).as("b1 and b3").isEqualTo(2);
        assertThat(afterRead.path("lastRead").asText()).isEqualTo(b1.path("postedAt").asText());
        assertThat(afterRead.path("unread").asInt()).as("b3").isEqualTo(1);
    }

    // --- presence -----------------------------------------------------------------------------------------------

    @Test
    void a_users_first_connection_in_is_announced_to_the_room_the_joiner_included() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient watcher = joinedV2(user("watcher"), room, "Watcher");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");

        for (V2TestClient member : List.of(watcher, alice)) {
            JsonNode joined = member.next("presence", about(aliceId));
            assertThat(joined.path("event").asText()).isEqualTo("join");
            assertThat(joined.path("room").asText()).isEqualTo(room);
            assertThat(joined.path("name").asText()).isEqualTo("Alice");
        }
    }

    @Test
    void a_users_second_connection_announces_no_join_and_its_first_one_leaving_no_leave() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient watcher = joinedV2(user("watcher"), room, "Watcher");
        V2TestClient first = joinedV2(aliceId, room, "Alice");

        JsonNode joined = watcher.next("presence", about(aliceId));
        V2TestClient second = joinedV2(aliceId, room, "Alice");
        assertOk(first.request(inRoom("onLeave", room)));
        second.close();
        JsonNode left = watcher.next("presence", about(aliceId));

        assertThat(joined.path("event").asText()).isEqualTo("join");
        assertThat(joined.path("room").asText()).isEqualTo(room);
        assertThat(joined.path("name").asText()).isEqualTo("Alice");
        assertThat(left.path("event").asText()).as("the second connection's join was not announced")
                .isEqualTo("leave");
        assertThat(watcher.drain("presence", QUIET)).noneMatch(about(aliceId)::test);
    }

    @Test
    void leaving_by_onLeave_announces_the_users_leave() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient watcher = joinedV2(user("watcher"), room, "Watcher");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");
        watcher.next("presence", presence("join", aliceId));

        assertOk(alice.request(inRoom("onLeave", room)));

        JsonNode left = watcher.next("presence", presence("leave", aliceId));
        assertThat(left.path("room").asText()).isEqualTo(room);
        assertThat(left.path("name").asText()).isEqualTo("Alice");
    }

    @Test
    void a_v1_room_switch_announces_the_users_leave_and_v1_connections_count_as_present() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient watcher = joinedV2(user("watcher"), room, "Watcher");
        WsTestClient alice = connectV1(aliceId);

        assertOk(alice.join(room, "Alice"));
        watcher.next("presence", presence("join", aliceId));
        assertThat(watcher.request(inRoom("onPresence", room)).path("memberCount").asInt()).isEqualTo(2);
        assertOk(alice.join(room(), "Alice"));

        assertThat(watcher.next("presence", presence("leave", aliceId)).path("room").asText()).isEqualTo(room);
        assertThat(watcher.request(inRoom("onPresence", room)).path("memberCount").asInt()).isEqualTo(1);
    }

    @Test
    void a_disconnect_announces_the_users_leave_in_every_room_it_was_in() {
        String first = room();
        String second = room();
        String aliceId = user("alice");
        V2TestClient watcher = joinedV2(user("watcher"), first, "Watcher");
        assertOk(watcher.join(second, "Watcher"));
        V2TestClient alice = joinedV2(aliceId, first, "Alice");
        assertOk(alice.join(second, "Alice"));
        watcher.next("presence", presence("join", aliceId).and(inRoomNamed(second)));

        alice.close();

        assertThat(List.of(watcher.next("presence", presence("leave", aliceId)),
                watcher.next("presence", presence("leave", aliceId))))
                .extracting(left -> left.path("room").asText()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void presence_is_answered_to_members_only_with_every_user_once() {
        String room = room();
        String aliceId = user("alice");
        String bobId = user("bob");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");
        joinedV2(bobId, room, "Bob");
        joinedV2(bobId, room, "Bob");
        V2TestClient stranger = connectV2(user("stranger"));

        JsonNode present = alice.request(inRoom("onPresence", room));

        assertOk(present);
        assertThat(present.path("room").asText()).isEqualTo(room);
        assertThat(userIds(present.path("members"))).containsExactlyInAnyOrder(aliceId, bobId);
        assertThat(present.path("memberCount").asInt()).isEqualTo(2);
        assertStatus(stranger.request(inRoom("onPresence", room)), 403, "room");
    }

    // --- typing -------------------------------------------------------------------------------------------------

    @Test
    void typing_reaches_the_rooms_other_v2_connections_and_not_the_sender() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");
        V2TestClient aliceElsewhere = joinedV2(aliceId, room, "Alice");
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");
        WsTestClient carol = connectV1(user("carol"));
        assertOk(carol.join(room, "Carol"));

        assertOk(alice.request(inRoom("onTyping", room)));

        JsonNode typing = bob.next("typing");
        assertThat(typing.path("room").asText()).isEqualTo(room);
        assertThat(typing.path("userId").asText()).isEqualTo(aliceId);
        assertThat(typing.path("name").asText()).isEqualTo("Alice");
        assertThat(aliceElsewhere.next("typing").path("userId").asText()).isEqualTo(aliceId);
        assertThat(alice.drain("typing", QUIET)).isEmpty();
        assertThat(carol.eventWithin(QUIET)).as("v1 gets no typing").isEmpty();
    }

    @Test
    void a_second_typing_within_2_seconds_is_answered_200_and_not_forwarded() {
        String room = room();
        V2TestClient alice = joinedV2(user("alice"), room, "Alice");
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");

        assertOk(alice.request(inRoom("onTyping", room)));
        assertOk(alice.request(inRoom("onTyping", room)));
        assertOk(alice.request(inRoom("onTyping", room)));

        bob.next("typing");
        assertThat(bob.drain("typing", QUIET)).isEmpty();
    }

    @Test
    void typing_in_a_room_not_joined_is_403_naming_room_and_reaches_nobody() {
        String room = room();
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");
        V2TestClient stranger = connectV2(user("stranger"));

        assertStatus(stranger.request(inRoom("onTyping", room)), 403, "room");

        assertThat(bob.drain("typing", QUIET)).isEmpty();
    }

    // --- read positions -----------------------------------------------------------------------------------------

    @Test
    void reading_a_postedAt_that_is_no_message_of_the_room_is_404_naming_postedAt() {
        String room = room();
        String other = room();
        V2TestClient alice = joinedV2(user("alice"), room, "Alice");
        assertOk(alice.join(other, "Alice"));
        JsonNode here = alice.post(room, "here");
        JsonNode elsewhere = alice.post(other, "in the other room");
        // postedAt is unique per room only: the other room's message must not share this one's millisecond.
        while (elsewhere.path("postedAt").asText().equals(here.path("postedAt").asText())) {
            elsewhere = alice.post(other, "in the other room, a millisecond later");
        }

        assertStatus(alice.request(read(room, elsewhere.path("postedAt").asText())), 404, "postedAt");
        assertStatus(alice.request(read(room, "2001-01-01T00:00:00.000Z")), 404, "postedAt");
        assertStatus(connectV2(user("stranger")).request(read(room, here.path("postedAt").asText())), 403, "room");

        JsonNode reply = alice.request(read(room, here.path("postedAt").asText()));
        assertOk(reply);
        assertThat(reply.path("room").asText()).isEqualTo(room);
        assertThat(reply.path("lastRead").asText()).isEqualTo(here.path("postedAt").asText());
    }

    @Test
    void a_read_position_never_moves_back_and_the_reply_carries_the_current_one() {
        String room = room();
        V2TestClient alice = joinedV2(user("alice"), room, "Alice");
        String older = alice.post(room, "older").path("postedAt").asText();
        String newer = alice.post(room, "newer").path("postedAt").asText();

        assertThat(alice.request(read(room, newer)).path("lastRead").asText()).isEqualTo(newer);
        JsonNode back = alice.request(read(room, older));

        assertOk(back);
        assertThat(back.path("lastRead").asText()).isEqualTo(newer);
    }

    @Test
    void others_get_a_read_event_only_when_the_position_moves_forward() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");
        V2TestClient bob = joinedV2(user("bob"), room, "Bob");
        String older = alice.post(room, "older").path("postedAt").asText();
        String newer = alice.post(room, "newer").path("postedAt").asText();

        assertOk(alice.request(read(room, newer)));
        JsonNode moved = bob.next("read");
        assertOk(alice.request(read(room, older)));
        assertOk(alice.request(read(room, newer)));

        assertThat(moved.path("room").asText()).isEqualTo(room);
        assertThat(moved.path("userId").asText()).isEqualTo(aliceId);
        assertThat(moved.path("postedAt").asText()).isEqualTo(newer);
        assertThat(bob.drain("read", QUIET)).isEmpty();
        assertThat(alice.drain("read", QUIET)).as("not to the reader's own connection").isEmpty();
    }

    @Test
    void a_users_connections_share_one_read_position() {
        String room = room();
        String aliceId = user("alice");
        V2TestClient alice = joinedV2(aliceId, room, "Alice");
        V2TestClient aliceElsewhere = joinedV2(aliceId, room, "Alice");
        String older = alice.post(room, "older").path("postedAt").asText();
        String newer = alice.post(room, "newer").path("postedAt").asText();

        assertOk(alice.request(read(room, newer)));

        assertThat(aliceElsewhere.next("read").path("postedAt").asText()).isEqualTo(newer);
        assertThat(aliceElsewhere.request(read(room, older)).path("lastRead").asText()).isEqualTo(newer);
    }

    // --- replies and bad frames ---------------------------------------------------------------------------------

    @Test
    void every_v2_action_answers_exactly_one_typed_reply_echoing_its_request_id_in_order() {
        String room = room();
        V2TestClient alice = connectV2(user("alice"));
        WsTestClient raw = alice.raw();

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(raw.sendWithRequestId(join(room, "Alice")), 200);
        expected.put(raw.sendWithRequestId(inRoom("onMessage", room).put("message", "one")), 200);
        expected.put(raw.sendWithRequestId(inRoom("onTyping", room)), 200);
        expected.put(raw.sendWithRequestId(read(room, "2001-01-01T00:00:00.000Z")), 404);
        expected.put(raw.sendWithRequestId(inRoom("onPresence", room)), 200);
        expected.put(raw.sendWithRequestId(inRoom("onHistory", room)), 200);
        expected.put(raw.sendWithRequestId(inRoom("onLeave", room)), 200);
        expected.put(raw.sendWithRequestId(inRoom("onLeave", room)), 403);
        expected.put(raw.sendWithRequestId(inRoom("onPresence", room)), 403);
        expected.put(raw.sendWithRequestId(frame("fly")), 400);

        Map<String, Integer> answered = new LinkedHashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode reply = raw.nextReply();
            assertThat(reply.path("type").asText()).isEqualTo("reply");
            answered.put(reply.path("requestId").asText(), reply.path("statusCode").asInt());
        }
        assertThat(answered).containsExactlyEntriesOf(expected);
        assertThat(alice.drain("message", QUIET)).as("the one post, once").hasSize(1);
        assertThat(raw.received().stream().filter(frame -> frame.has("statusCode"))).hasSize(expected.size());
    }

    @Test
    void v2_actions_count_against_the_frame_budget_and_a_429_is_a_typed_reply() {
        String room = room();
        V2TestClient alice = joinedV2(user("alice"), room, "Alice");
        // Three times the burst: the budget trips even where each frame takes a store round trip (serverless),
        // and the refill meanwhile (10/s) cannot keep up.
        int frames = 60;

        List<String> sent = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            sent.add(alice.raw().sendWithRequestId(inRoom(i % 2 == 0 ? "onPresence" : "onTyping", room)));
        }
        List<JsonNode> replies = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            replies.add(alice.raw().nextReply());
        }

        assertThat(replies).extracting(reply -> reply.path("requestId").asText()).containsExactlyElementsOf(sent);
        assertThat(replies).filteredOn(reply -> reply.path("statusCode").asInt() == 429).isNotEmpty()
                .allSatisfy(limited -> assertThat(limited.path("type").asText()).isEqualTo("reply"));
        assertThat(requestPaced(alice, inRoom("onPresence", room)).path("memberCount").asInt()).isEqualTo(1);
    }

    @Test
    void bad_v2_fields_are_400_naming_the_field_and_change_nothing() {
        String room = room();
        V2TestClient alice = connectV2(user("alice"));

        assertStatus(alice.request(join(room, "Alice").put("since", -1)), 400, "since");
        assertStatus(alice.request(join(room, "Alice").put("since", "3")), 400, "since");
        assertStatus(alice.request(join(room, "Alice").put("since", 1.5)), 400, "since");
        assertStatus(alice.request(frame("onLeave")), 400, "room");
        assertStatus(alice.request(frame("onTyping").put("room", 5)), 400, "room");
        assertStatus(alice.request(frame("onPresence").put("room", "")), 400, "room");
        assertStatus(alice.request(inRoom("onRead", room)), 400, "postedAt");
        assertStatus(alice.request(read(room, "yesterday")), 400, "postedAt");

        assertStatus(alice.post(room, "not in yet"), 403, "room");
        JsonNode joined = alice.join(room, "Alice");
        assertOk(joined);
        assertThat(joined.path("memberCount").asInt()).isEqualTo(1);
        assertThat(joined.path("lastRead").isNull()).isTrue();
    }
}
