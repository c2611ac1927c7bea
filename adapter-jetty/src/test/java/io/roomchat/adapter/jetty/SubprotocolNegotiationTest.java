package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.core.domain.Limits;
import io.roomchat.testkit.protocol.SubprotocolHandshake;
import io.roomchat.testkit.protocol.WsTestClient;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol v2 is asked for with the WebSocket subprotocol {@code roomchat.v2}: the 101 names it and the connection
 * speaks v2 (many rooms, presence); without it the connection is v1 exactly as before, and the 101 names none.
 */
class SubprotocolNegotiationTest {
    private JettyTestServer chat;

    @BeforeEach
    void start() {
        chat = JettyTestServer.start(Limits.defaults());
    }

    @AfterEach
    void stop() {
        chat.close();
    }

    @Test
    void a_client_offering_roomchat_v2_among_others_gets_it_in_the_101() {
        try (WsTestClient client = WsTestClient.connectOffering(chat.endpoint(), JettyTestServer.tokenFor("v2-user"),
                "chat.other", "roomchat.v2")) {
            assertThat(client.acceptedSubprotocol()).contains("roomchat.v2");
        }
    }

    @Test
    void the_101_names_roomchat_v2_exactly_when_it_was_offered_on_any_header_line() throws IOException {
        SubprotocolHandshake.assertNamesV2ExactlyWhenOffered(chat.endpoint(), JettyTestServer.tokenFor("raw-user"));
    }

    @Test
    void a_client_offering_no_subprotocol_gets_none_in_the_101() {
        try (WsTestClient client = chat.connect("v1-user")) {
            assertThat(client.acceptedSubprotocol()).isEmpty();
            JsonAssert.ok(client.join("room-1", "V1"));
        }
    }

    @Test
    void a_client_offering_only_other_subprotocols_gets_none_and_speaks_v1() {
        try (WsTestClient client = WsTestClient.connectOffering(chat.endpoint(),
                JettyTestServer.tokenFor("other-user"), "roomchat.v3", "chat.other")) {
            assertThat(client.acceptedSubprotocol()).isEmpty();
            JsonAssert.ok(client.join("room-1", "Other"));
            JsonAssert.ok(client.join("room-2", "Other"));
            JsonAssert.status(client.post("room-1", "switched away"), 403);
        }
    }

    @Test
    void a_v2_connection_is_in_two_rooms_at_once_and_posts_in_both() {
        try (WsTestClient alice = chat.connectV2("alice")) {
            JsonAssert.ok(alice.join("room-a", "Alice"));
            JsonAssert.ok(alice.join("room-b", "Alice"));

            JsonAssert.ok(alice.post("room-a", "in a"));
            JsonAssert.ok(alice.post("room-b", "in b"));

            // Her own two joins' presence, then the two posts' events.
            assertThat(alice.nextEvents(4)).filteredOn(event -> event.has("message"))
                    .extracting(event -> event.path("room").asText())
                    .containsExactly("room-a", "room-b");
        }
    }

    @Test
    void a_v1_connections_second_join_switches_rooms() {
        try (WsTestClient bob = chat.connect("bob")) {
            JsonAssert.ok(bob.join("room-a", "Bob"));
            JsonAssert.ok(bob.join("room-b", "Bob"));

            JsonAssert.status(bob.post("room-a", "left already"), 403);
            JsonAssert.ok(bob.post("room-b", "here now"));
        }
    }

    @Test
    void a_v2_connection_is_told_when_another_user_joins_its_room_and_a_v1_connection_is_not() {
        try (WsTestClient watcherV2 = chat.connectV2("watcher-v2");
             WsTestClient watcherV1 = chat.connect("watcher-v1");
             WsTestClient carol = chat.connect("carol")) {
            JsonAssert.ok(watcherV1.join("room-p", "W1"));
            JsonAssert.ok(watcherV2.join("room-p", "W2"));
            JsonAssert.ok(carol.join("room-p", "Carol"));
            JsonAssert.ok(carol.post("room-p", "hi"));

            // The joins' presence comes before the post's event; a v1 connection sees the post first.
            JsonNode ownJoin = watcherV2.nextEvent();
            assertThat(ownJoin.path("userId").asText()).isEqualTo("watcher-v2");
            JsonNode carolJoined = watcherV2.nextEvent();
            assertThat(carolJoined.path("room").asText()).isEqualTo("room-p");
            assertThat(carolJoined.path("userId").asText()).isEqualTo("carol");
            assertThat(carolJoined.has("message")).isFalse();
            assertThat(watcherV2.nextEvent().path("message").asText()).isEqualTo("hi");
            assertThat(watcherV1.nextEvent().path("message").asText()).isEqualTo("hi");
        }
    }
}
