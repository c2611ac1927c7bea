package io.roomchat.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ConnectOutcome;
import org.junit.jupiter.api.Test;

class ConnectingTest {
    private final ChatHarness chat = new ChatHarness();

    @Test
    void a_valid_token_opens_a_connection_recorded_with_its_user_and_time() {
        ConnectOutcome outcome = chat.core.connect(new ConnectionId("c1"), "valid:alice", Protocol.V1);

        assertThat(outcome).isInstanceOf(ConnectOutcome.Accepted.class);
        var stored = chat.connections.find(new ConnectionId("c1")).orElseThrow();
        assertThat(stored.userId()).isEqualTo(new UserId("alice"));
        assertThat(stored.connectedAt()).isEqualTo(ChatHarness.START);
        assertThat(stored.rooms()).isEmpty();
        assertThat(stored.protocol()).isEqualTo(Protocol.V1);
    }

    @Test
    void a_refused_token_stores_nothing() {
        ConnectOutcome outcome = chat.core.connect(new ConnectionId("c1"), "forged", Protocol.V1);

        assertThat(outcome).isEqualTo(new ConnectOutcome.Refused("bad token"));
        assertThat(chat.connections.size()).isZero();
    }

    @Test
    void a_missing_or_blank_token_is_refused_without_asking_the_verifier() {
        assertThat(chat.core.connect(new ConnectionId("c1"), null, Protocol.V1)).isEqualTo(new ConnectOutcome.Refused("missing token"));
        assertThat(chat.core.connect(new ConnectionId("c2"), "  ", Protocol.V1)).isEqualTo(new ConnectOutcome.Refused("missing token"));
        assertThat(chat.connections.size()).isZero();
    }

    @Test
    void disconnecting_forgets_the_connection_and_it_receives_nothing_more() {
        var alice = chat.connectAndJoin("alice", "general");
        var bob = chat.connectAndJoin("bob", "general");

        chat.core.disconnect(bob);
        chat.post(alice, "general", "anyone?");

        assertThat(chat.connections.find(bob)).isEmpty();
        assertThat(chat.received(bob)).isEmpty();
        assertThat(chat.received(alice)).hasSize(1);
    }
}
