package io.roomchat.testkit.protocol;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Wire protocol v1 (docs/protocol.md) end to end, over real WebSockets: every row and rule, on any binding. A binding runs
 * it by a subclass that says where its endpoint is and how to get a token; rooms and users are random, so one
 * server may serve every test. Tests stay within the default frame budget (20 frames in a burst).
 */
public abstract class ProtocolScenarios {
    private static final Pattern ISO_MILLIS_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Duration QUIET = Duration.ofMillis(300);

    private final List<WsTestClient> clients = new ArrayList<>();

    /** The WebSocket endpoint, such as {@code ws://127.0.0.1:3001/}. */
    protected abstract URI endpoint();

    /** A valid access token whose subject is {@code userId}. */
    protected abstract String tokenFor(String userId);

    /** Whether every member of a room sees its messages in one order (self-hosted yes; serverless no). */
    protected boolean ordersEventsPerRoom() {
        return true;
    }

    /**
     * Whether a room's order ({@code seq}) is also its new messages' {@code postedAt} order: on one node, yes; across
     * nodes only on a store that stamps {@code postedAt} with the {@code seq} (PostgreSQL does; on DynamoDB each
     * node stamps {@code postedAt} before the store gives the post its {@code seq}).
     */
    protected boolean postedAtFollowsRoomOrder() {
        return true;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WsTestClient::close);
        clients.clear();
    }

    /**
     * Where a test's {@code index}-th client (0 first) connects: {@link #endpoint()}, unless the binding spreads a
     * test's clients over several servers (a cluster: each client on another node).
     */
    protected URI endpointForClient(int index) {
        return endpoint();
    }

    /** A connected client of a fresh random user. */
    protected WsTestClient connect(String userId) {
        WsTestClient client = WsTestClient.connect(endpointForClient(clients.size()), tokenFor(userId));
        clients.add(client);
        return client;
    }

    protected static String user(String name) {
        return name + "-" + UUID.randomUUID();
    }

    protected static String room() {
        return "room-" + UUID.randomUUID();
    }

    protected WsTestClient joined(String userId, String room, String name) {
        WsTestClient client = connect(userId);
        assertOk(client.join(room, name));
        return client;
    }

    protected static void assertOk(JsonNode reply) {
        assertThat(reply.path("statusCode").asInt()).as("reply %s", reply).isEqualTo(200);
        assertThat(reply.path("body").asText()).isEmpty();
    }

    protected static void assertStatus(JsonNode reply, int status, String bodyMentions) {
        assertThat(reply.path("statusCode").asInt()).as("reply %s", reply).isEqualTo(status);
        assertThat(reply.path("body").asText()).contains(bodyMentions);
    }

    private static ObjectNode edit(String room, String postedAt, String text) {
        return frame("onMessage").put("room", room).put("postedAt", postedAt).put("message", text);
    }

    private static ObjectNode delete(String room, String postedAt) {
        return frame("onMessage").put("room", room).put("postedAt", postedAt).put("isDeleted", true);
    }

    private static ObjectNode historyFrame(String room) {
        return frame("onHistory").put("room", room);
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(message -> texts.add(message.path("message").asText()));
        return texts;
    }

    // --- onJoin ---------------------------------------------------------------------------------------------

    @Test
    void joining_a_room_replies_200_and_echoes_the_request_id() {
        WsTestClient alice = connect(user("alice"));

        JsonNode reply = alice.request(frame("onJoin").put("room", room()).put("name", "Alice"));

        assertOk(reply);
        assertThat(reply.path("requestId").asText()).startsWith("req-");
    }

    @Test
    void joining_another_room_leaves_the_first_and_the_lobby_is_an_ordinary_room() {
        String first = room();
        String aliceId = user("alice");
        WsTestClient alice = joined(aliceId, first, "Alice");
        WsTestClient bob = joined(user("bob"), first, "Bob");

        assertOk(alice.join("_lobby", "Alice"));
        assertOk(bob.post(first, "anyone there?"));

        assertThat(bob.nextEvent().path("message").asText()).isEqualTo("anyone there?");
        assertThat(alice.eventWithin(QUIET)).isEmpty();
        assertStatus(alice.post(first, "back?"), 403, "room");
        assertOk(alice.post("_lobby", "hello lobby"));
        assertThat(alice.nextEvent().path("room").asText()).isEqualTo("_lobby");
    }

    // --- onMessage: new ---------------------------------------------------------------------------------------

    @Test
    void a_new_message_is_acknowledged_and_delivered_to_every_member_including_the_sender() {
        String room = room();
        String aliceId = user("alice");
        WsTestClient alice = joined(aliceId, room, "Alice");
        WsTestClient bob = joined(user("bob"), room, "Bob");
        WsTestClient elsewhere = joined(user("carol"), room(), "Carol");

        JsonNode reply = alice.post(room, "hello, room");

        assertOk(reply);
        assertThat(reply.path("messageId").asText()).isNotBlank();
        assertThat(reply.path("postedAt").asText()).matches(ISO_MILLIS_UTC);
        for (WsTestClient member : List.of(alice, bob)) {
            JsonNode event = member.nextEvent();
            assertThat(event.has("statusCode")).isFalse();
            assertThat(event.path("messageId").asText()).isEqualTo(reply.path("messageId").asText());
            assertThat(event.path("room").asText()).isEqualTo(room);
            assertThat(event.path("userId").asText()).isEqualTo(aliceId);
            assertThat(event.path("name").asText()).isEqualTo("Alice");
            assertThat(event.path("message").asText()).isEqualTo("hello, room");
            assertThat(event.path("postedAt").asText()).isEqualTo(reply.path("postedAt").asText());
            assertThat(event.path("modifiedAt").asText()).isEqualTo(event.path("postedAt").asText());
            assertThat(event.path("isDeleted").asBoolean(false)).isFalse();
        }
        assertThat(elsewhere.eventWithin(QUIET)).isEmpty();
    }

    @Test
    void a_message_may_carry_its_own_display_name() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");

        assertOk(alice.request(frame("onMessage").put("room", room).put("message", "hi").put("name", "Ally")));

        assertThat(alice.nextEvent().path("name").asText()).isEqualTo("Ally");
    }

    @Test
    void rapid_posts_get_unique_posting_times_and_ids() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");

        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            requestIds.add(alice.sendWithRequestId(frame("onMessage").put("room", room).put("message", "quick " + i)));
        }
        Set<String> postedAts = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        for (String requestId : requestIds) {
            JsonNode reply = alice.nextReply();
            assertOk(reply);
            assertThat(reply.path("requestId").asText()).isEqualTo(requestId);
            postedAts.add(reply.path("postedAt").asText());
            messageIds.add(reply.path("messageId").asText());
        }

        assertThat(postedAts).hasSize(15);
        assertThat(messageIds).hasSize(15);
    }

    @Test
    void a_message_over_the_length_limit_is_413_and_one_at_the_limit_is_accepted() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");

        assertStatus(alice.post(room, "x".repeat(4_001)), 413, "message");
        JsonNode atLimit = alice.post(room, "y".repeat(4_000));
        assertOk(atLimit);
        assertThat(alice.nextEvent().path("message").asText()).hasSize(4_000);
        assertStatus(alice.request(edit(room, atLimit.path("postedAt").asText(), "z".repeat(4_001))), 413,
                "message");
        assertThat(alice.eventWithin(QUIET)).isEmpty();
    }

    @Test
    void a_post_resent_with_the_same_client_message_id_is_stored_and_delivered_once() {
        String room = room();
        String aliceId = user("alice");
        WsTestClient alice = joined(aliceId, room, "Alice");
        WsTestClient bob = joined(user("bob"), room, "Bob");
        ObjectNode post = frame("onMessage").put("room", room).put("message", "sent twice")
                .put("clientMessageId", "c-" + UUID.randomUUID());

        alice.send(post);
        JsonNode first = alice.nextReply();
        assertOk(first);
        assertThat(bob.nextEvent().path("messageId").asText()).isEqualTo(first.path("messageId").asText());
        // The client lost the reply with its connection: it reconnects, joins again and resends the same frame.
        alice.close();
        WsTestClient again = joined(aliceId, room, "Alice");
        again.send(post);
        JsonNode second = again.nextReply();

        assertOk(second);
        assertThat(second.path("messageId").asText()).isEqualTo(first.path("messageId").asText());
        assertThat(second.path("postedAt").asText()).isEqualTo(first.path("postedAt").asText());
        assertThat(bob.eventWithin(QUIET)).isEmpty();
        assertThat(again.eventWithin(QUIET)).isEmpty();
        assertThat(texts(again.history(room).path("messages"))).containsExactly("sent twice");
    }

    // --- onMessage: edit and delete ---------------------------------------------------------------------------

    @Test
    void the_author_edits_a_message_and_every_member_sees_the_update() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");
        WsTestClient bob = joined(user("bob"), room, "Bob");
        JsonNode posted = alice.post(room, "helo");
        JsonNode original = bob.nextEvent();
        alice.nextEvent();

        assertOk(alice.request(edit(room, posted.path("postedAt").asText(), "hello")));

        for (WsTestClient member : List.of(alice, bob)) {
            JsonNode update = member.nextEvent();
            assertThat(update.path("messageId").asText()).isEqualTo(original.path("messageId").asText());
            assertThat(update.path("postedAt").asText()).isEqualTo(original.path("postedAt").asText());
            assertThat(update.path("message").asText()).isEqualTo("hello");
            assertThat(Instant.parse(update.path("modifiedAt").asText()))
                    .isAfter(Instant.parse(update.path("postedAt").asText()));
        }
    }

    @Test
    void a_message_can_be_named_by_its_message_id() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");
        JsonNode posted = alice.post(room, "first draft");
        alice.nextEvent();

        assertOk(alice.request(frame("onMessage").put("room", room)
                .put("messageId", posted.path("messageId").asText()).put("message", "second draft")));

        assertThat(alice.nextEvent().path("message").asText()).isEqualTo("second draft");
    }

    @Test
    void the_author_deletes_a_message_and_every_member_sees_it_without_its_text() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");
        WsTestClient bob = joined(user("bob"), room, "Bob");
        JsonNode posted = alice.post(room, "oops");
        alice.nextEvent();
        bob.nextEvent();

        assertOk(alice.request(delete(room, posted.path("postedAt").asText())));

        for (WsTestClient member : List.of(alice, bob)) {
            JsonNode deleted = member.nextEvent();
            assertThat(deleted.path("messageId").asText()).isEqualTo(posted.path("messageId").asText());
            assertThat(deleted.path("isDeleted").asBoolean()).isTrue();
            assertThat(deleted.has("message")).isFalse();
            assertThat(deleted.path("modifiedAt").asText()).isNotEqualTo(deleted.path("postedAt").asText());
        }
        JsonNode history = alice.request(historyFrame(room));
        assertThat(history.path("messages")).hasSize(1);
        assertThat(history.path("messages").get(0).path("isDeleted").asBoolean()).isTrue();
        assertThat(history.path("messages").get(0).has("message")).isFalse();
    }

    @Test
    void nobody_else_may_edit_or_delete_a_message_even_by_claiming_the_authors_user_id() {
        String room = room();
        String aliceId = user("alice");
        WsTestClient alice = joined(aliceId, room, "Alice");
        WsTestClient mallory = joined(user("mallory"), room, "Mallory");
        JsonNode posted = alice.post(room, "mine");
        alice.nextEvent();
        mallory.nextEvent();
        String postedAt = posted.path("postedAt").asText();

        assertStatus(mallory.request(edit(room, postedAt, "pwned").put("userId", aliceId)), 403, "author");
        assertStatus(mallory.request(delete(room, postedAt).put("userId", aliceId)), 403, "author");

        assertThat(alice.eventWithin(QUIET)).isEmpty();
        JsonNode history = alice.request(historyFrame(room));
        assertThat(texts(history.path("messages"))).containsExactly("mine");
    }

    @Test
    void changing_a_message_that_does_not_exist_is_404() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");
        JsonNode posted = alice.post(room, "short-lived");
        alice.nextEvent();
        assertOk(alice.request(delete(room, posted.path("postedAt").asText())));
        alice.nextEvent();

        assertThat(alice.request(edit(room, "2001-01-01T00:00:00.000Z", "what?")).path("statusCode").asInt())
                .isEqualTo(404);
        assertThat(alice.request(delete(room, posted.path("postedAt").asText())).path("statusCode").asInt())
                .as("deleting a deleted message").isEqualTo(404);
    }

    // --- membership -------------------------------------------------------------------------------------------

    @Test
    void posting_or_reading_a_room_without_joining_it_is_403() {
        String room = room();
        WsTestClient stranger = connect(user("stranger"));
        WsTestClient member = joined(user("member"), room, "Member");

        assertStatus(stranger.post(room, "let me in"), 403, "room");
        assertStatus(stranger.request(historyFrame(room)), 403, "room");
        assertThat(member.eventWithin(QUIET)).isEmpty();

        assertOk(stranger.join(room(), "Stranger"));
        assertStatus(stranger.post(room, "still not in"), 403, "room");
    }

    // --- onHistory --------------------------------------------------------------------------------------------

    @Test
    void history_pages_backwards_from_the_newest_oldest_first_within_a_page() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");
        for (int i = 1; i <= 5; i++) {
            assertOk(alice.post(room, "m" + i));
        }

        JsonNode newest = alice.request(historyFrame(room).put("limit", 2));
        assertOk(newest);
        assertThat(newest.path("room").asText()).isEqualTo(room);
        assertThat(texts(newest.path("messages"))).containsExactly("m4", "m5");
        assertThat(newest.path("hasMore").asBoolean()).isTrue();

        String before = newest.path("messages").get(0).path("postedAt").asText();
        JsonNode older = alice.request(historyFrame(room).put("limit", 2).put("before", before));
        assertThat(texts(older.path("messages"))).containsExactly("m2", "m3");
        assertThat(older.path("hasMore").asBoolean()).isTrue();

        String oldest = older.path("messages").get(0).path("postedAt").asText();
        JsonNode last = alice.request(historyFrame(room).put("limit", 2).put("before", oldest));
        assertThat(texts(last.path("messages"))).containsExactly("m1");
        assertThat(last.path("hasMore").asBoolean()).isFalse();

        JsonNode all = alice.request(historyFrame(room));
        assertThat(texts(all.path("messages"))).containsExactly("m1", "m2", "m3", "m4", "m5");
        JsonNode first = all.path("messages").get(0);
        assertThat(first.path("userId").asText()).startsWith("alice-");
        assertThat(first.path("name").asText()).isEqualTo("Alice");
        assertThat(first.path("postedAt").asText()).matches(ISO_MILLIS_UTC);
        assertThat(first.path("modifiedAt").asText()).isEqualTo(first.path("postedAt").asText());
    }

    @Test
    void history_after_a_time_returns_what_a_reconnecting_client_missed() {
        String room = room();
        String aliceId = user("alice");
        WsTestClient alice = joined(aliceId, room, "Alice");
        WsTestClient bob = joined(user("bob"), room, "Bob");
        JsonNode lastSeen = bob.post(room, "seen");
        alice.close();
        for (int i = 1; i <= 3; i++) {
            assertOk(bob.post(room, "missed " + i));
        }

        WsTestClient back = joined(aliceId, room, "Alice");
        String after = lastSeen.path("postedAt").asText();
        JsonNode firstPage = back.request(historyFrame(room).put("after", after).put("limit", 2));
        assertThat(texts(firstPage.path("messages"))).containsExactly("missed 1", "missed 2");
        assertThat(firstPage.path("hasMore").asBoolean()).isTrue();
        String next = firstPage.path("messages").get(1).path("postedAt").asText();
        JsonNode secondPage = back.request(historyFrame(room).put("after", next).put("limit", 2));
        assertThat(texts(secondPage.path("messages"))).containsExactly("missed 3");
        assertThat(secondPage.path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void every_change_carries_the_rooms_next_seq_in_its_reply_its_event_and_history() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");
        WsTestClient bob = joined(user("bob"), room, "Bob");

        JsonNode posted = alice.post(room, "first");
        long postSeq = posted.path("seq").asLong();
        JsonNode created = bob.nextEvent();
        assertOk(alice.request(edit(room, posted.path("postedAt").asText(), "first, edited")));
        JsonNode edited = bob.nextEvent();
        assertOk(alice.request(delete(room, posted.path("postedAt").asText())));
        JsonNode deleted = bob.nextEvent();

        assertThat(posted.path("seq").isIntegralNumber()).as("reply %s", posted).isTrue();
        assertThat(postSeq).isPositive();
        assertThat(created.path("seq").asLong()).isEqualTo(postSeq);
        assertThat(edited.path("seq").asLong()).isGreaterThan(postSeq);
        assertThat(deleted.path("seq").asLong()).isGreaterThan(edited.path("seq").asLong());
        JsonNode history = alice.history(room).path("messages");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("seq").asLong()).isEqualTo(deleted.path("seq").asLong());
    }

    @Test
    void history_since_a_seq_returns_every_change_missed_edits_and_deletes_included_by_seq() {
        String room = room();
        String aliceId = user("alice");
        WsTestClient alice = joined(aliceId, room, "Alice");
        WsTestClient bob = joined(user("bob"), room, "Bob");
        JsonNode seen = bob.post(room, "seen");
        alice.close();
        JsonNode missed = bob.post(room, "missed 1");
        assertOk(bob.request(edit(room, seen.path("postedAt").asText(), "seen, edited")));
        assertOk(bob.post(room, "missed 2"));
        assertOk(bob.request(delete(room, missed.path("postedAt").asText())));

        WsTestClient back = joined(aliceId, room, "Alice");
        JsonNode firstPage = back.request(historyFrame(room).put("since", seen.path("seq").asLong()).put("limit", 2));
        assertThat(texts(firstPage.path("messages"))).containsExactly("seen, edited", "missed 2");
        assertThat(firstPage.path("hasMore").asBoolean()).isTrue();
        long next = firstPage.path("messages").get(1).path("seq").asLong();
        JsonNode secondPage = back.request(historyFrame(room).put("since", next).put("limit", 2));
        assertThat(secondPage.path("messages")).singleElement().satisfies(gone -> {
            assertThat(gone.path("messageId").asText()).isEqualTo(missed.path("messageId").asText());
            assertThat(gone.path("isDeleted").asBoolean()).isTrue();
        });
        assertThat(secondPage.path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void since_with_another_cursor_or_below_0_is_400_naming_since() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");
        String postedAt = alice.post(room, "one").path("postedAt").asText();

        assertStatus(alice.request(historyFrame(room).put("since", 0).put("before", postedAt)), 400, "since");
        assertStatus(alice.request(historyFrame(room).put("since", 0).put("after", postedAt)), 400, "since");
        assertStatus(alice.request(historyFrame(room).put("since", -1)), 400, "since");
        assertStatus(alice.request(historyFrame(room).put("since", "0")), 400, "since");
        assertThat(texts(alice.request(historyFrame(room).put("since", 0)).path("messages"))).containsExactly("one");
    }

    @Test
    void a_history_limit_outside_1_to_100_is_400() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");

        assertStatus(alice.request(historyFrame(room).put("limit", 0)), 400, "limit");
        assertStatus(alice.request(historyFrame(room).put("limit", 101)), 400, "limit");
        assertOk(alice.request(historyFrame(room).put("limit", 100)));
    }

    // --- order ------------------------------------------------------------------------------------------------

    @Test
    void every_frame_gets_exactly_one_reply_in_the_order_sent() {
        String room = room();
        WsTestClient alice = connect(user("alice"));

        List<String> sent = List.of(
                alice.sendWithRequestId(frame("onJoin").put("room", room).put("name", "Alice")),
                alice.sendWithRequestId(frame("fly")),
                alice.sendWithRequestId(frame("onMessage").put("room", room).put("message", "one")),
                alice.sendWithRequestId(historyFrame(room)),
                alice.sendWithRequestId(frame("onMessage").put("room", "elsewhere").put("message", "two")),
                alice.sendWithRequestId(frame("onMessage").put("room", room).put("message", "three")));

        List<Integer> statuses = new ArrayList<>();
        for (String requestId : sent) {
            JsonNode reply = alice.nextReply();
            assertThat(reply.path("requestId").asText()).isEqualTo(requestId);
            statuses.add(reply.path("statusCode").asInt());
        }
        assertThat(statuses).containsExactly(200, 400, 200, 200, 403, 200);
        assertThat(alice.nextEvents(2)).extracting(event -> event.path("message").asText())
                .containsExactly("one", "three");
    }

    @Test
    void every_member_sees_the_rooms_messages_in_the_same_order() throws Exception {
        assumeTrue(ordersEventsPerRoom(), "this binding promises no order; clients sort by postedAt");
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");
        WsTestClient bob = joined(user("bob"), room, "Bob");
        WsTestClient carol = joined(user("carol"), room, "Carol");
        int each = 8;

        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> sending = new ArrayList<>();
            for (WsTestClient sender : List.of(alice, bob)) {
                sending.add(senders.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        sender.sendWithRequestId(frame("onMessage").put("room", room).put("message", "m" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : sending) {
                done.get();
            }
        } finally {
            senders.shutdown();
        }

        List<String> aliceSaw = ids(alice.nextEvents(2 * each));
        assertThat(ids(bob.nextEvents(2 * each))).isEqualTo(aliceSaw);
        List<JsonNode> carolEvents = carol.nextEvents(2 * each);
        assertThat(ids(carolEvents)).isEqualTo(aliceSaw);
        assertThat(carolEvents.stream().map(event -> event.path("seq").asLong()).toList()).isSorted()
                .doesNotHaveDuplicates();
        List<String> postedAts = carolEvents.stream().map(event -> event.path("postedAt").asText()).toList();
        assertThat(postedAts).doesNotHaveDuplicates();
        if (postedAtFollowsRoomOrder()) {
            assertThat(postedAts).isSorted();
        }
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.path("messageId").asText()).toList();
    }

    // --- bad frames -------------------------------------------------------------------------------------------

    @Test
    void a_bad_frame_gets_a_400_naming_the_problem_and_the_connection_stays_usable() {
        WsTestClient alice = connect(user("alice"));
        String room = room();

        alice.sendText("this is not JSON");
        assertThat(alice.nextReply().path("statusCode").asInt()).isEqualTo(400);
        alice.sendText("[1, 2, 3]");
        assertThat(alice.nextReply().path("statusCode").asInt()).isEqualTo(400);
        assertStatus(alice.request(frame("fly")), 400, "action");
        alice.sendText("{\"room\":\"" + room + "\"}");
        assertStatus(alice.nextReply(), 400, "action");
        assertStatus(alice.request(frame("onJoin").put("room", 5).put("name", "Alice")), 400, "room");
        assertStatus(alice.request(frame("onJoin").put("room", room)), 400, "name");
        assertStatus(alice.request(frame("onJoin").put("room", "").put("name", "Alice")), 400, "room");
        assertStatus(alice.request(frame("onJoin").put("room", room).put("name", "n".repeat(65))), 400, "name");
        assertStatus(alice.request(frame("onMessage").put("room", room).put("message", "   ")), 400, "message");
        assertStatus(alice.request(frame("onMessage").put("room", room).put("message", 42)), 400, "message");
        assertStatus(alice.request(edit(room, "yesterday", "new text")), 400, "postedAt");
        assertStatus(alice.request(historyFrame(room).put("limit", "ten")), 400, "limit");

        assertOk(alice.join(room, "Alice"));
        assertOk(alice.post(room, "still here"));
        assertThat(alice.nextEvent().path("message").asText()).isEqualTo("still here");
    }

    @Test
    void a_request_id_longer_than_64_characters_is_400() {
        WsTestClient alice = connect(user("alice"));

        alice.send(frame("onJoin").put("room", room()).put("name", "Alice").put("requestId", "r".repeat(65)));

        assertStatus(alice.nextReply(), 400, "requestId");
    }

    // --- the original client ----------------------------------------------------------------------------------

    @Test
    void the_original_clients_frames_work_unchanged() {
        String room = room();
        String aliceId = user("alice");
        WsTestClient alice = connect(aliceId);
        WsTestClient bob = joined(user("bob"), room, "Bob");

        alice.sendText("{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"alice\"}");
        assertOk(alice.nextReply());
        alice.sendText("{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"message\":\"hello\",\"name\":\"alice\"}");
        JsonNode posted = alice.nextReply();
        assertThat(posted.path("statusCode").asInt()).isEqualTo(200);
        assertThat(posted.path("body").asText()).isEmpty();
        JsonNode created = bob.nextEvent();
        assertThat(created.path("postedAt").asText()).isEqualTo(created.path("modifiedAt").asText());
        String postedAt = created.path("postedAt").asText();

        alice.sendText("{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"message\":\"hello!\",\"name\":\"alice\","
                + "\"postedAt\":\"" + postedAt + "\",\"userId\":\"" + aliceId + "\"}");
        assertOk(alice.nextReply());
        JsonNode edited = bob.nextEvent();
        assertThat(edited.path("userId").asText()).isEqualTo(aliceId);
        assertThat(edited.path("postedAt").asText()).isEqualTo(postedAt);
        assertThat(edited.path("modifiedAt").asText()).isNotEqualTo(postedAt);
        assertThat(edited.path("message").asText()).isEqualTo("hello!");

        alice.sendText("{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"postedAt\":\"" + postedAt
                + "\",\"userId\":\"" + aliceId + "\",\"isDeleted\":true}");
        assertOk(alice.nextReply());
        JsonNode deleted = bob.nextEvent();
        assertThat(deleted.path("isDeleted").asBoolean()).isTrue();
        assertThat(deleted.path("postedAt").asText()).isEqualTo(postedAt);

        alice.sendText("{\"action\":\"onJoin\",\"room\":\"_lobby\",\"name\":\"alice\"}");
        assertOk(alice.nextReply());
    }

    // --- disconnect -------------------------------------------------------------------------------------------

    @Test
    void a_closed_connection_leaves_its_room_and_the_others_carry_on() {
        String room = room();
        WsTestClient alice = joined(user("alice"), room, "Alice");
        WsTestClient bob = joined(user("bob"), room, "Bob");

        bob.close();

        assertOk(alice.post(room, "bob left"));
        assertThat(alice.nextEvent().path("message").asText()).isEqualTo("bob left");
        assertThat(bob.received()).noneMatch(frame -> "bob left".equals(frame.path("message").asText()));
    }
}
