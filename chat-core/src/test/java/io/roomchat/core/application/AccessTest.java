package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.RoomAccess;
import io.roomchat.core.port.out.RoomPolicy;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may join which room: the default policy on the token's grants, and a policy of the embedding program. */
class AccessTest {
    private final ChatHarness chat = new ChatHarness();

    private Reply join(ConnectionId who, String room) {
        return chat.joinReply(who, room, "someone");
    }

    @Test
    void a_token_without_grants_joins_any_room_as_before() {
        ConnectionId alice = chat.connect("alice", Protocol.V2);

        assertThat(join(alice, "general").status()).isEqualTo(Status.OK);
        assertThat(join(alice, "team.secret").status()).isEqualTo(Status.OK);
    }

    @Test
    void a_rooms_grant_refuses_other_rooms_with_403_naming_room_and_changes_nothing() {
        ConnectionId alice = chat.connectWith("alice", ";rooms=team-*", Protocol.V2);
        ConnectionId bob = chat.connectAndJoin("bob", "general", Protocol.V2);

        assertThat(join(alice, "team-a").status()).isEqualTo(Status.OK);
        Reply refused = join(alice, "general");

        assertThat(refused).isEqualTo(Reply.rejected(Status.FORBIDDEN, GrantedRooms.NOT_GRANTED));
        assertThat(chat.connections.find(alice).orElseThrow().rooms()).containsOnlyKeys(room("team-a"));
        assertThat(chat.presenceSeenBy(bob)).extracting(p -> p.userId().value()).containsOnly("bob");
    }

    @Test
    void a_refused_v1_join_keeps_the_room_the_connection_was_in() {
        ConnectionId alice = chat.connectWith("alice", ";rooms=team-*", Protocol.V1);
        chat.join(alice, "team-a", "Alice");

        assertThat(join(alice, "general").status()).isEqualTo(Status.FORBIDDEN);

        assertThat(chat.connections.find(alice).orElseThrow().rooms()).containsOnlyKeys(room("team-a"));
    }

    @Test
    void regex_characters_in_a_granted_pattern_never_widen_access() {
        ConnectionId alice = chat.connectWith("alice", ";rooms=team.a|ops+|[ab]|(x)", Protocol.V2);

        assertThat(join(alice, "team.a").status()).isEqualTo(Status.OK);
        for (String notGranted : new String[] {"teamXa", "opss", "a", "x"}) {
            assertThat(join(alice, notGranted).status()).as(notGranted).isEqualTo(Status.FORBIDDEN);
        }
    }

    @Test
    void a_direct_room_admits_its_listed_users_even_outside_their_rooms_grant_and_nobody_else() {
        ConnectionId alice = chat.connectWith("alice", ";rooms=team-*", Protocol.V2);
        ConnectionId bob = chat.connect("bob", Protocol.V2);
        ConnectionId carol = chat.connect("carol", Protocol.V2);

        assertThat(join(alice, "dm:alice,bob").status()).isEqualTo(Status.OK);
        assertThat(join(bob, "dm:alice,bob").status()).isEqualTo(Status.OK);
        assertThat(join(carol, "dm:alice,bob"))
                .isEqualTo(Reply.rejected(Status.FORBIDDEN, GrantedRooms.NOT_YOUR_DIRECT_ROOM));
    }

    @Test
    void a_malformed_direct_room_name_is_400_naming_room() {
        ConnectionId bob = chat.connect("bob", Protocol.V2);

        Reply reply = join(bob, "dm:bob,alice");

        assertThat(reply.status()).isEqualTo(Status.BAD_REQUEST);
        assertThat(reply.body()).startsWith("room: ");
        assertThat(chat.connections.find(bob).orElseThrow().rooms()).isEmpty();
    }

    @Test
    void an_embedding_programs_policy_decides_instead_of_the_tokens_grants() {
        Set<String> hostMembers = Set.of("alice");
        RoomPolicy host = new RoomPolicy() {
            @Override
            public RoomAccess admits(Identity who, RoomName room) {
                return hostMembers.contains(who.userId().value()) ? RoomAccess.ADMITTED
                        : RoomAccess.forbidden("room: not a member in the host application");
            }

            @Override
            public boolean moderates(Identity who, RoomName room) {
                return false;
            }
        };
        ChatHarness hosted = new ChatHarness(builder -> builder.roomPolicy(host));

        ConnectionId alice = hosted.connect("alice", Protocol.V2);
        ConnectionId bob = hosted.connectWith("bob", ";rooms=*", Protocol.V2);

        assertThat(hosted.joinReply(alice, "general", "Alice").status()).isEqualTo(Status.OK);
        assertThat(hosted.joinReply(bob, "general", "Bob"))
                .isEqualTo(Reply.rejected(Status.FORBIDDEN, "room: not a member in the host application"));
    }
}
