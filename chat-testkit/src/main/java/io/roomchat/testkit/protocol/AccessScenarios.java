package io.roomchat.testkit.protocol;

import static io.roomchat.testkit.protocol.WsTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who may join which room and what moderators may do (docs/protocol.md, Access and moderation), end to end over
 * real WebSockets, on any binding. A binding's subclass says where its endpoint is and how to mint a token with
 * claims; rooms and users are random, so one server serves every test.
 */
public abstract class AccessScenarios {
    private final List<WsTestClient> clients = new ArrayList<>();

    /** The WebSocket endpoint, such as {@code ws://127.0.0.1:3001/}. */
    protected abstract URI endpoint();

    /** A valid access token whose subject is {@code userId}, carrying {@code claims} as well. */
    protected abstract String tokenFor(String userId, Map<String, ?> claims);

    /** The name of the rooms claim the server reads ({@code CHAT_ROOMS_CLAIM}). */
    protected String roomsClaim() {
        return "rooms";
    }

    /** The name of the moderator claim the server reads ({@code CHAT_MODERATOR_CLAIM}). */
    protected String moderatorClaim() {
        return "mod";
    }


    /**
     * The close code a kicked v1 connection sees: 4403 where the server holds the socket; API Gateway cannot send a
     * code, so serverless bindings close it as any server-side close.
     */
    protected int kickedV1CloseCode() {
        return 4403;
    }

    /** Lets {@code duration} pass for the server's rules: its clock moved forward, or a real wait. */
    protected abstract void letTimePass(Duration duration);

    @AfterEach
    void closeClients() {
        clients.forEach(WsTestClient::close);
        clients.clear();
    }

    private WsTestClient v2(String userId, Map<String, ?> claims) {
        WsTestClient client = WsTestClient.connectV2(endpoint(), tokenFor(userId, claims));
        clients.add(client);
        return client;
    }

    private WsTestClient v1(String userId, Map<String, ?> claims) {
        WsTestClient client = WsTestClient.connect(endpoint(), tokenFor(userId, claims));
        clients.add(client);
        return client;
    }

    private WsTestClient v2(String userId) {
        return v2(userId, Map.of());
    }

    private static String user(String name) {
        return name + "-" + UUID.randomUUID();
    }

    private static String room(String prefix) {
        return prefix + UUID.randomUUID();
    }

    private static void assertStatus(JsonNode reply, int status) {
        assertThat(reply.path("statusCode").asInt()).as("reply %s", reply).isEqualTo(status);
        if (status != 200) {
            assertThat(reply.path("body").asText()).as("names the field").startsWith("room");
        }
    }

    private static JsonNode kick(WsTestClient moderator, String room, String userId, int minutes) {
        return moderator.request(frame("onKick").put("room", room).put("userId", userId).put("minutes", minutes));
    }

    /** The next event of {@code type}, skipping others (presence). */
    private static JsonNode next(WsTestClient client, String type) {
        for (int i = 0; i < 20; i++) {
            JsonNode event = client.nextEvent();
            if (type.equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event among the next 20");
    }

    @Test
    void a_token_without_the_claims_joins_any_room_as_before() {
        WsTestClient client = v2(user("plain"));

        assertStatus(client.join(room("open-"), "Plain"), 200);
        assertStatus(client.join(room("team.("), "Plain"), 200);
    }

    @Test
    void a_room_outside_the_rooms_claim_is_refused_403_naming_room_and_the_user_stays_out() {
        String prefix = "team-" + UUID.randomUUID() + "-";
        WsTestClient alice = v2(user("alice"), Map.of(roomsClaim(), List.of(prefix + "*")));
        String outside = room("general-");
        WsTestClient watcher = v2(user("watcher"));
        assertStatus(watcher.join(outside, "Watcher"), 200);

        assertStatus(alice.join(prefix + "a", "Alice"), 200);
        assertStatus(alice.join(outside, "Alice"), 403);

        JsonNode presence = watcher.request(frame("onPresence").put("room", outside));
        assertThat(presence.path("memberCount").asInt()).as("refused join changed nothing").isEqualTo(1);
    }

    @Test
    void regex_characters_in_a_pattern_never_widen_access() {
        String id = UUID.randomUUID().toString();
        WsTestClient alice = v2(user("alice"), Map.of(roomsClaim(), List.of("t.(" + id + ")+[x]")));

        assertStatus(alice.join("t.(" + id + ")+[x]", "Alice"), 200);
        assertStatus(alice.join("tX(" + id + ")+[x]", "Alice"), 403);
        assertStatus(alice.join("t.(" + id + "))+x", "Alice"), 403);
        assertStatus(alice.join("t." + id + "x", "Alice"), 403);
    }

    @Test
    void a_direct_room_admits_its_users_only_and_a_malformed_name_is_400() {
        String alice = "a-" + UUID.randomUUID();
        String bob = "b-" + UUID.randomUUID();
        String dm = "dm:" + alice + "," + bob;

        assertStatus(v2(alice, Map.of(roomsClaim(), List.of("nothing-" + UUID.randomUUID()))).join(dm, "Alice"), 200);
        assertStatus(v2(bob).join(dm, "Bob"), 200);
        assertStatus(v2("c-" + UUID.randomUUID()).join(dm, "Carol"), 403);
        assertStatus(v2(bob).join("dm:" + bob + "," + alice, "Bob"), 400);
        assertStatus(v2(alice).join("dm:" + alice + "," + alice, "Alice"), 400);
    }

    @Test
    void a_moderator_deletes_anothers_message_and_everyone_sees_it_deleted() {
        String room = room("mod-");
        WsTestClient bob = v2(user("bob"));
        WsTestClient carol = v2(user("carol"));
        WsTestClient mia = v2(user("mia"), Map.of(moderatorClaim(), List.of(room)));
        assertThat(bob.join(room, "Bob").path("moderator").asBoolean(true)).as("bob does not moderate").isFalse();
        assertStatus(carol.join(room, "Carol"), 200);
        JsonNode miaJoined = mia.join(room, "Mia");
        assertStatus(miaJoined, 200);
        assertThat(miaJoined.path("moderator").asBoolean()).as("the join reply tells a moderator").isTrue();
        JsonNode posted = bob.post(room, "spam");
        String messageId = posted.path("messageId").asText();

        JsonNode byCarol = carol.request(frame("onMessage").put("room", room).put("messageId", messageId)
                .put("isDeleted", true));
        assertThat(byCarol.path("statusCode").asInt()).as("not a moderator").isEqualTo(403);
        JsonNode edit = mia.request(frame("onMessage").put("room", room).put("messageId", messageId)
                .put("message", "edited by a moderator"));
        assertThat(edit.path("statusCode").asInt()).as("a moderator may not edit").isEqualTo(403);
        JsonNode deleted = mia.request(frame("onMessage").put("room", room).put("messageId", messageId)
                .put("isDeleted", true));
        assertThat(deleted.path("statusCode").asInt()).as("reply %s", deleted).isEqualTo(200);

        for (WsTestClient member : List.of(bob, carol, mia)) {
            JsonNode event = deletedEvent(member, messageId);
            assertThat(event.path("isDeleted").asBoolean()).isTrue();
        }
    }

    private static JsonNode deletedEvent(WsTestClient client, String messageId) {
        for (int i = 0; i < 20; i++) {
            JsonNode event = next(client, "message");
            if (messageId.equals(event.path("messageId").asText()) && event.path("isDeleted").asBoolean()) {
                return event;
            }
        }
        throw new AssertionError("no deleted event for " + messageId);
    }

    @Test
    void a_non_moderators_kick_is_refused_and_changes_nothing() {
        String room = room("kick-");
        String bobId = user("bob");
        WsTestClient bob = v2(bobId);
        WsTestClient carol = v2(user("carol"), Map.of(moderatorClaim(), List.of("elsewhere-*")));
        assertStatus(bob.join(room, "Bob"), 200);
        assertStatus(carol.join(room, "Carol"), 200);

        assertStatus(kick(carol, room, bobId, 5), 403);

        carol.post(room, "after the refused kick");
        next(bob, "message");
        assertThat(bob.received()).noneMatch(event -> "kicked".equals(event.path("type").asText()));
        assertThat(bob.post(room, "still here").path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void a_kick_with_a_short_ban_takes_both_connections_out_and_refuses_rejoining_until_it_ends() {
        String room = room("ban-");
        String bobId = user("bob");
        WsTestClient bobV2 = v2(bobId);
        WsTestClient bobV1 = v1(bobId, Map.of());
        WsTestClient carol = v2(user("carol"));
        String moderatorId = user("mia");
        WsTestClient mia = v2(moderatorId, Map.of(moderatorClaim(), List.of("ban-*")));
        assertStatus(bobV2.join(room, "Bob"), 200);
        assertStatus(bobV1.join(room, "Bob"), 200);
        assertStatus(carol.join(room, "Carol"), 200);
        assertStatus(mia.join(room, "Mia"), 200);

        assertStatus(kick(mia, room, bobId, 1), 200);

        JsonNode kicked = next(bobV2, "kicked");
        assertThat(kicked.path("room").asText()).isEqualTo(room);
        assertThat(kicked.path("by").asText()).isEqualTo(moderatorId);
        assertThat(bobV1.awaitClose(WsTestClient.WAIT)).as("v1 is closed").isEqualTo(kickedV1CloseCode());
        JsonNode leave = next(carol, "presence");
        while (!"leave".equals(leave.path("event").asText())) {
            leave = next(carol, "presence");
        }
        assertThat(leave.path("userId").asText()).isEqualTo(bobId);
        assertThat(bobV2.post(room, "am I in?").path("statusCode").asInt()).isEqualTo(403);
        assertStatus(bobV2.join(room, "Bob"), 403);
        assertStatus(v2(bobId).join(room, "Bob"), 403);

        letTimePass(Duration.ofMinutes(1).plusSeconds(1));

        assertStatus(bobV2.join(room, "Bob"), 200);
    }

    @Test
    void a_kick_without_minutes_lets_the_user_back_at_once() {
        String room = room("kick-");
        String bobId = user("bob");
        WsTestClient bob = v2(bobId);
        WsTestClient mia = v2(user("mia"), Map.of(moderatorClaim(), List.of(room)));
        assertStatus(bob.join(room, "Bob"), 200);

        assertStatus(mia.request(frame("onKick").put("room", room).put("userId", bobId)), 200);

        assertThat(next(bob, "kicked").path("room").asText()).isEqualTo(room);
        assertStatus(bob.join(room, "Bob"), 200);
    }
}
