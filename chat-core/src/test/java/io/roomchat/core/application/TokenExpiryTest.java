package io.roomchat.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.port.in.ConnectOutcome;
import io.roomchat.core.port.in.JoinRoomCommand;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {
    private final ChatHarness chat = new ChatHarness();
    private final Instant exp = ChatHarness.START.plusSeconds(60);

    private ConnectionId connectUntil(String user, Instant expiresAt) {
        ConnectionId id = new ConnectionId("conn-" + user);
        assertThat(chat.core.connect(id, "valid:" + user + ";exp=" + expiresAt, Protocol.V1))
                .isInstanceOf(ConnectOutcome.Accepted.class);
        return id;
    }

    @Test
    void the_connection_record_carries_the_tokens_expiry_through_a_join() {
        ConnectionId ada = connectUntil("ada", exp);
        chat.core.handle(ada, new JoinRoomCommand(ChatHarness.room("general"), new DisplayName("Ada")));

        assertThat(chat.connections.find(ada).orElseThrow().tokenExpiry()).contains(exp);
    }

    @Test
    void before_its_exp_a_connection_is_not_expired_and_keeps_its_record() {
        ConnectionId ada = connectUntil("ada", exp);
        chat.clock.advance(Duration.ofSeconds(59));

        assertThat(chat.core.check(ada).tokenExpired()).isFalse();
        assertThat(chat.connections.find(ada)).isPresent();
    }

    @Test
    void from_its_exp_on_a_connection_is_expired_and_its_record_is_gone_so_it_leaves_its_room() {
        ConnectionId ada = connectUntil("ada", exp);
        ConnectionId bo = chat.connectAndJoin("bo", "general");
        chat.core.handle(ada, new JoinRoomCommand(ChatHarness.room("general"), new DisplayName("Ada")));
        chat.clock.advance(Duration.ofSeconds(60));

        assertThat(chat.core.check(ada).tokenExpired()).isTrue();
        assertThat(chat.connections.find(ada)).isEmpty();
        chat.posted(bo, "general", "after ada's token ran out");
        assertThat(chat.received(ada)).isEmpty();
    }

    @Test
    void a_token_without_expiry_and_an_unknown_connection_never_expire() {
        ConnectionId forever = chat.connect("forever");
        chat.clock.advance(Duration.ofDays(365));

        assertThat(chat.core.check(forever).tokenExpired()).isFalse();
        assertThat(chat.core.check(new ConnectionId("nobody")).tokenExpired()).isFalse();
    }
}
