package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.Reply;
import org.junit.jupiter.api.Test;

class JoiningRoomTest {
    private final ChatHarness chat = new ChatHarness();

    @Test
    void joining_answers_200_with_an_empty_body_as_the_original_did() {
        var alice = chat.connect("alice");

        Reply reply = chat.core.handle(alice, new JoinRoomCommand(room("general"), new DisplayName("Alice")));

        assertThat(reply).isEqualTo(Reply.ok());
        assertThat(chat.connections.find(alice).orElseThrow().isIn(room("general"))).isTrue();
    }

    @Test
    void an_unknown_connection_cannot_join() {
        Reply reply = chat.core.handle(new ConnectionId("nobody"),
                new JoinRoomCommand(room("general"), new DisplayName("Ghost")));

        assertThat(reply.status()).isEqualTo(Status.FORBIDDEN);
        assertThat(chat.connections.inRoom(room("general"))).isEmpty();
    }

    @Test
    void joining_another_room_leaves_the_first_one() {
        var alice = chat.connectAndJoin("alice", "first");
        var bob = chat.connectAndJoin("bob", "first");

        chat.core.handle(bob, new JoinRoomCommand(room("second"), new DisplayName("Bob")));
        chat.post(alice, "first", "still there?");

        assertThat(chat.received(bob)).isEmpty();
        assertThat(chat.post(bob, "first", "I left").status()).isEqualTo(Status.FORBIDDEN);
    }

    @Test
    void the_lobby_is_an_ordinary_room() {
        var alice = chat.connectAndJoin("alice", "_lobby");
        var bob = chat.connectAndJoin("bob", "_lobby");

        chat.post(alice, "_lobby", "hi lobby");

        assertThat(chat.received(bob)).extracting(m -> m.text().value()).containsExactly("hi lobby");
    }
}
