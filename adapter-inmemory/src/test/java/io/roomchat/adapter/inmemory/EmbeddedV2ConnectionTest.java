package io.roomchat.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomEvent.Presence.Kind;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.LeaveRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.core.port.out.TokenVerifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An embedded v2 connection: many rooms at once, and every room event, presence included, to its sink. */
class EmbeddedV2ConnectionTest {
    private static final TokenVerifier TOKENS = token -> token.startsWith("bad")
            ? new TokenVerification.Refused("not a valid token")
            : new TokenVerification.Verified(new Identity(new UserId(token)));
    private static final RoomName GENERAL = new RoomName("general");
    private static final RoomName RANDOM = new RoomName("random");

    private final EmbeddedChat chat = InMemoryChat.embedded(TOKENS);

    @AfterEach
    void closeChat() {
        chat.close();
    }

    private static JoinRoomCommand join(RoomName room, String name) {
        return new JoinRoomCommand(room, new DisplayName(name));
    }

    private static PostMessageCommand post(RoomName room, String text) {
        return new PostMessageCommand(room, new MessageText(text));
    }

    private static List<String> messagesIn(List<RoomEvent> events) {
        return events.stream().filter(RoomEvent.Message.class::isInstance)
                .map(event -> event.room().value() + ": " + ((RoomEvent.Message) event).message().text().value())
                .toList();
    }

    private static List<String> presenceIn(List<RoomEvent> events) {
        return events.stream().filter(RoomEvent.Presence.class::isInstance).map(RoomEvent.Presence.class::cast)
                .map(presence -> presence.room().value() + " " + presence.kind() + " " + presence.userId().value())
                .toList();
    }

    @Test
    void a_v2_connection_is_in_two_rooms_at_once_and_receives_the_messages_of_both() {
        List<RoomEvent> received = new CopyOnWriteArrayList<>();
        EmbeddedConnection alice = chat.connectV2("alice", received::add).orElseThrow();

        assertThat(alice.send(join(GENERAL, "Alice")).status()).isEqualTo(Status.OK);
        assertThat(alice.send(join(RANDOM, "Alice")).status()).isEqualTo(Status.OK);
        assertThat(alice.send(post(GENERAL, "in general")).status()).isEqualTo(Status.OK);
        assertThat(alice.send(post(RANDOM, "in random")).status()).isEqualTo(Status.OK);

        assertThat(messagesIn(received)).containsExactly("general: in general", "random: in random");
    }

    @Test
    void a_v1_connections_second_join_switches_rooms() {
        EmbeddedConnection bob = chat.connect("bob", message -> { }).orElseThrow();

        bob.send(join(GENERAL, "Bob"));
        bob.send(join(RANDOM, "Bob"));

        assertThat(bob.send(post(GENERAL, "left already")).status()).isEqualTo(Status.FORBIDDEN);
    }

    @Test
    void a_v2_sink_is_told_who_enters_and_leaves_its_rooms_and_a_v1_sink_only_gets_messages() {
        List<RoomEvent> watcherEvents = new CopyOnWriteArrayList<>();
        EmbeddedConnection watcher = chat.connectV2("watcher", watcherEvents::add).orElseThrow();
        List<String> v1Messages = new CopyOnWriteArrayList<>();
        EmbeddedConnection v1 = chat.connect("v1-user", message -> v1Messages.add(message.text().value()))
                .orElseThrow();
        watcher.send(join(GENERAL, "Watcher"));
        v1.send(join(GENERAL, "V1"));

        EmbeddedConnection carol = chat.connect("carol", message -> { }).orElseThrow();
        carol.send(join(GENERAL, "Carol"));
        carol.send(post(GENERAL, "hi"));
        carol.close();

        assertThat(presenceIn(watcherEvents)).containsExactly("general JOIN watcher", "general JOIN v1-user",
                "general JOIN carol", "general LEAVE carol");
        assertThat(messagesIn(watcherEvents)).containsExactly("general: hi");
        assertThat(v1Messages).containsExactly("hi");
    }

    @Test
    void leaving_one_room_keeps_the_other() {
        List<RoomEvent> received = new CopyOnWriteArrayList<>();
        EmbeddedConnection alice = chat.connectV2("alice", received::add).orElseThrow();
        alice.send(join(GENERAL, "Alice"));
        alice.send(join(RANDOM, "Alice"));

        assertThat(alice.send(new LeaveRoomCommand(GENERAL)).status()).isEqualTo(Status.OK);

        assertThat(alice.send(post(GENERAL, "gone")).status()).isEqualTo(Status.FORBIDDEN);
        assertThat(alice.send(post(RANDOM, "still here")).status()).isEqualTo(Status.OK);
        assertThat(alice.send(new LeaveRoomCommand(GENERAL)).status()).isEqualTo(Status.FORBIDDEN);
    }

    @Test
    void a_refused_token_opens_no_v2_connection() {
        assertThat(chat.connectV2("bad-token", event -> { })).isEmpty();
    }
}
