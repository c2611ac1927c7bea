package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.PresentUser;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.PresenceQuery;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import org.junit.jupiter.api.Test;

class PresenceQueryTest {
    private final ChatHarness chat = new ChatHarness();

    @Test
    void a_member_is_told_who_is_present_one_entry_per_user() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        chat.connectAndJoin("alice", "general", Protocol.V2);
        chat.connectAndJoin("bob", "general");

        Reply reply = chat.core.handle(alice, new PresenceQuery(room("general")));

        var present = (ReplyPayload.Present) reply.payload().orElseThrow();
        assertThat(present.presence().count()).isEqualTo(2);
        assertThat(present.presence().listed()).containsExactlyInAnyOrder(
                new PresentUser(new UserId("alice"), new DisplayName("alice name")),
                new PresentUser(new UserId("bob"), new DisplayName("bob name")));
    }

    @Test
    void asking_about_a_room_not_joined_is_a_403_naming_room() {
        var alice = chat.connectAndJoin("alice", "general", Protocol.V2);
        chat.connectAndJoin("bob", "other");

        Reply reply = chat.core.handle(alice, new PresenceQuery(room("other")));

        assertThat(reply.status()).isEqualTo(Status.FORBIDDEN);
        assertThat(reply.body()).startsWith("room:");
    }
}
