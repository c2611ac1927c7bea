package io.roomchat.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.out.RoomAccess;
import io.roomchat.core.port.out.RoomPolicy;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.core.port.out.TokenVerifier;
import io.roomchat.testkit.DocSnippet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The room policy example of docs/embedding.md, run as written; a second test keeps the page and this file in step. */
class RoomPolicyExampleTest {
    private static final Path THIS_SOURCE =
            Path.of("src/test/java/io/roomchat/adapter/inmemory/RoomPolicyExampleTest.java");
    private static final Path EMBEDDING_DOC = Path.of("../docs/embedding.md");

    /** The host application's own membership tables, as the example asks them. */
    static final class Teams {
        private final Map<String, Set<String>> members = Map.of("design", Set.of("alice"));
        private final Map<String, Set<String>> leads = Map.of("design", Set.of("alice"));

        boolean isMember(String team, String user) {
            return members.getOrDefault(team, Set.of()).contains(user);
        }

        boolean isLead(String team, String user) {
            return leads.getOrDefault(team, Set.of()).contains(user);
        }
    }

    @Test
    void a_policy_that_asks_the_host_application_admits_members_and_refuses_others() {
        Teams teams = new Teams();
        TokenVerifier verifier = token -> new TokenVerification.Verified(new Identity(new UserId(token)));
        List<String> printed = PrintedLines.of(() -> {
            // snippet:start
            RoomPolicy teamRooms = new RoomPolicy() {
                @Override
                public RoomAccess admits(Identity who, RoomName room) {
                    return teams.isMember(room.value(), who.userId().value())
                            ? RoomAccess.ADMITTED
                            : RoomAccess.forbidden("room: not a member of this team");
                }

                @Override
                public boolean moderates(Identity who, RoomName room) {
                    return teams.isLead(room.value(), who.userId().value());
                }
            };
            try (EmbeddedChat chat = InMemoryChat.builder(verifier).roomPolicy(teamRooms).build()) {
                RoomName design = new RoomName("design");
                EmbeddedConnection alice = chat.connect("alice", event -> { }).orElseThrow();
                EmbeddedConnection bob = chat.connect("bob", event -> { }).orElseThrow();
                System.out.println(alice.send(new JoinRoomCommand(design, new DisplayName("Alice"))).status());
                System.out.println(bob.send(new JoinRoomCommand(design, new DisplayName("Bob"))).body());
            }
            // snippet:end
        });

        assertThat(printed).containsExactly("OK", "room: not a member of this team");
    }

    @Test
    void the_embedding_page_shows_exactly_this_example() throws IOException {
        assertThat(Files.readString(EMBEDDING_DOC)).contains(DocSnippet.fencedBlockOf(THIS_SOURCE));
    }
}
