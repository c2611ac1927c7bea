package io.roomchat.adapter.lambda.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.testkit.DynaliteServer;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A ban one function stores is seen by every other: they share the messages table, not any memory. */
class ServerlessRoomBansTest {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void a_ban_stored_by_one_function_is_seen_by_another() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        LambdaSettings settings = LambdaSettings.fromEnvironment(Map.of("CHAT_FANOUT", "direct",
                "CONNECTIONS_TABLE", "connections-" + suffix, "MESSAGES_TABLE", "messages-" + suffix))
                .withLocalEndpoints(DYNALITE.endpoint(), URI.create("http://127.0.0.1:9/stand-in"));
        RoomName room = new RoomName("general");
        UserId user = new UserId("troll");

        try (ServerlessWiring kicking = ServerlessWiring.wire(settings);
             ServerlessWiring joining = ServerlessWiring.wire(settings)) {
            kicking.createTablesIfMissing();
            kicking.roomBans().ban(room, user, NOW.plusSeconds(600));

            assertThat(joining.roomBans().bannedUntil(room, user, NOW)).contains(NOW.plusSeconds(600));
            assertThat(joining.roomBans().bannedUntil(room, user, NOW.plusSeconds(600))).isEmpty();
        }
    }
}
