package io.roomchat.adapter.redis;

import static io.roomchat.adapter.redis.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Presence and typing, which have no seq, cross the real Redis bus too: on arrival, once each, never to the origin. */
class EveryEventAcrossNodesTest {
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private final MessageStore messages = InMemoryChat.messageStore();
    private final List<Node> nodes = new ArrayList<>();
    private final RoomName room = new RoomName("room-" + UUID.randomUUID());

    @AfterEach
    void closeNodes() {
        nodes.forEach(Node::close);
    }

    private Node node() {
        Node node = new Node(REDIS.url(), messages);
        nodes.add(node);
        return node;
    }

    @Test
    void typingOnOneNodeReachesTheOtherV2MembersOnEveryNodeOnceAndNeverItsOrigin() {
        Node a = node();
        Node b = node();
        ConnectionId alice = a.member("alice", room);
        ConnectionId aliceAgain = a.member("alice", room);
        ConnectionId bob = b.member("bob", room);
        awaitSubscribed(a, b);

        a.typing(alice, room);

        await(() -> assertThat(b.seenBy(bob, RoomEvent.Typing.class)).hasSize(1));
        await(() -> assertThat(a.seenBy(aliceAgain, RoomEvent.Typing.class)).hasSize(1));
        // A post after it, through the same channel, marks the point by which an echo would have arrived.
        a.post(alice, room, "after typing");
        await(() -> assertThat(a.receivedBy(aliceAgain)).hasSize(1));
        await(() -> assertThat(b.receivedBy(bob)).hasSize(1));
        assertThat(a.seenBy(aliceAgain, RoomEvent.Typing.class)).as("not again from Redis").hasSize(1);
        assertThat(a.seenBy(alice, RoomEvent.Typing.class)).isEmpty();
        assertThat(b.seenBy(bob, RoomEvent.Typing.class)).hasSize(1);
    }

    @Test
    void aJoinAndALeaveOnOneNodeAreToldToMembersOnAnother() {
        Node a = node();
        Node b = node();
        ConnectionId bob = b.member("bob", room);
        ConnectionId carolHere = a.member("carol", room);
        awaitSubscribed(a, b);

        ConnectionId alice = a.member("alice", room);
        a.disconnect(alice);

        await(() -> assertThat(b.seenBy(bob, RoomEvent.Presence.class))
                .filteredOn(event -> event.userId().equals(new UserId("alice")))
                .extracting(RoomEvent.Presence::kind)
                .containsExactly(RoomEvent.Presence.Kind.JOIN, RoomEvent.Presence.Kind.LEAVE));
        assertThat(a.seenBy(carolHere, RoomEvent.Presence.class))
                .filteredOn(event -> event.userId().equals(new UserId("alice"))).hasSize(2);
    }

    private void awaitSubscribed(Node... all) {
        for (Node node : all) {
            await(() -> assertThat(node.bus.isSubscribed(room)).isTrue());
        }
    }
}
