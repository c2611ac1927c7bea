package io.roomchat.adapter.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.testkit.DynaliteServer;
import io.roomchat.testkit.protocol.SubprotocolHandshake;
import io.roomchat.testkit.protocol.WsTestClient;
import io.roomchat.wire.WireCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The subprotocol handshake as API Gateway does it, end to end through the real {@code $connect} function: a
 * client offering {@code roomchat.v2} gets it in the 101 and speaks v2; any other client gets no subprotocol and
 * speaks v1. The new v2 actions reach the frame function by their {@code action}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandInSubprotocolTest {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private LocalServerless local;

    @BeforeAll
    void start() throws Exception {
        local = StandIns.on(DYNALITE).start();
    }

    @AfterAll
    void stop() {
        local.close();
    }

    private WsTestClient connectV2(String user) {
        return WsTestClient.connectV2(local.webSocketUri(), StandIns.tokenFor(user));
    }

    private WsTestClient connectV1(String user) {
        return WsTestClient.connect(local.webSocketUri(), StandIns.tokenFor(user));
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_client_offering_roomchat_v2_among_others_gets_it_in_the_101() {
        try (WsTestClient client = WsTestClient.connectOffering(local.webSocketUri(),
                StandIns.tokenFor(fresh("v2")), "chat.other", "roomchat.v2")) {
            assertThat(client.acceptedSubprotocol()).contains("roomchat.v2");
        }
    }

    @Test
    void the_101_names_roomchat_v2_exactly_when_it_was_offered_on_any_header_line() throws IOException {
        SubprotocolHandshake.assertNamesV2ExactlyWhenOffered(local.webSocketUri(), StandIns.tokenFor(fresh("raw")));
    }

    @Test
    void a_client_offering_nothing_or_only_other_subprotocols_gets_none_in_the_101() {
        try (WsTestClient plain = connectV1(fresh("v1"));
             WsTestClient other = WsTestClient.connectOffering(local.webSocketUri(), StandIns.tokenFor(fresh("o")),
                     "roomchat.v3")) {
            assertThat(plain.acceptedSubprotocol()).isEmpty();
            assertThat(other.acceptedSubprotocol()).isEmpty();
        }
    }

    @Test
    void a_v2_connection_is_in_two_rooms_at_once_and_posts_in_both() {
        String roomA = fresh("room-a");
        String roomB = fresh("room-b");
        try (WsTestClient alice = connectV2(fresh("alice"))) {
            assertThat(alice.join(roomA, "Alice").path("statusCode").asInt()).isEqualTo(200);
            assertThat(alice.join(roomB, "Alice").path("statusCode").asInt()).isEqualTo(200);

            assertThat(alice.post(roomA, "in a").path("statusCode").asInt()).isEqualTo(200);
            assertThat(alice.post(roomB, "in b").path("statusCode").asInt()).isEqualTo(200);

            assertThat(messageEvents(alice, 2)).extracting(event -> event.path("room").asText())
                    .containsExactlyInAnyOrder(roomA, roomB);
        }
    }

    @Test
    void a_v1_connections_second_join_switches_rooms() {
        String roomA = fresh("room-a");
        String roomB = fresh("room-b");
        try (WsTestClient bob = connectV1(fresh("bob"))) {
            assertThat(bob.join(roomA, "Bob").path("statusCode").asInt()).isEqualTo(200);
            assertThat(bob.join(roomB, "Bob").path("statusCode").asInt()).isEqualTo(200);

            assertThat(bob.post(roomA, "left already").path("statusCode").asInt()).isEqualTo(403);
            assertThat(bob.post(roomB, "here now").path("statusCode").asInt()).isEqualTo(200);
        }
    }

    @Test
    void the_new_v2_actions_each_have_their_route_as_in_the_sam_template() {
        var routes = LocalServerless.routes(local.wiring().chat());
        RouteSelection selection = new RouteSelection(routes.keySet());

        for (String action : List.of("onLeave", "onTyping", "onRead", "onPresence")) {
            assertThat(selection.routeFor("{\"action\":\"" + action + "\"}")).isEqualTo(action);
            assertThat(routes.get(action)).isSameAs(routes.get("onJoin"));
        }
    }

    @Test
    void the_new_v2_actions_reach_the_frame_function_and_get_a_reply() {
        try (WsTestClient client = connectV2(fresh("actions"))) {
            for (String action : List.of("onLeave", "onTyping", "onRead", "onPresence")) {
                JsonNode reply = client.request(WsTestClient.frame(action).put("room", fresh("room")));

                // Answered by the frame function (a reply with a status), not API Gateway's "Forbidden".
                assertThat(reply.has("statusCode")).as("%s: %s", action, reply).isTrue();
            }
        }
    }

    @Test
    void a_v1_connection_is_not_told_when_another_user_joins_its_room() {
        String room = fresh("room-p");
        String carol = fresh("carol");
        try (WsTestClient watcher = connectV1(fresh("watcher-v1"));
             WsTestClient joiner = connectV1(carol)) {
            assertThat(watcher.join(room, "W1").path("statusCode").asInt()).isEqualTo(200);
            assertThat(joiner.join(room, "Carol").path("statusCode").asInt()).isEqualTo(200);
            assertThat(joiner.post(room, "hi").path("statusCode").asInt()).isEqualTo(200);

            assertThat(watcher.nextEvent().path("message").asText()).isEqualTo("hi");
        }
    }

    @Test
    void a_v2_connection_is_told_when_another_user_joins_its_room() {
        assumeTrue(codecEncodesPresence(), "the wire codec has no v2 presence frame yet");
        String room = fresh("room-p");
        String carol = fresh("carol");
        try (WsTestClient watcher = connectV2(fresh("watcher-v2"));
             WsTestClient joiner = connectV1(carol)) {
            assertThat(watcher.join(room, "W2").path("statusCode").asInt()).isEqualTo(200);
            watcher.nextEvent(); // its own join
            assertThat(joiner.join(room, "Carol").path("statusCode").asInt()).isEqualTo(200);

            JsonNode joined = watcher.nextEvent();
            assertThat(joined.path("room").asText()).isEqualTo(room);
            assertThat(joined.path("userId").asText()).isEqualTo(carol);
        }
    }

    /** The events received until {@code count} of them were message events (a v2 client also gets presence). */
    private static List<JsonNode> messageEvents(WsTestClient client, int count) {
        List<JsonNode> messages = new ArrayList<>();
        while (messages.size() < count) {
            JsonNode event = client.nextEvent();
            if (event.has("message")) {
                messages.add(event);
            }
        }
        return messages;
    }

    private static boolean codecEncodesPresence() {
        try {
            WireCodec.create().encode(new RoomEvent.Presence(new RoomName("r"), RoomEvent.Presence.Kind.JOIN,
                    new UserId("u"), new DisplayName("U")), Protocol.V2);
            return true;
        } catch (IllegalStateException noFrameYet) {
            return false;
        }
    }
}
