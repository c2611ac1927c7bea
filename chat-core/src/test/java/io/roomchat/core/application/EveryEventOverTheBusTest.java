package io.roomchat.core.application;

import static io.roomchat.core.application.ChatHarness.room;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.BroadcastUseCase;
import io.roomchat.core.port.in.MarkReadCommand;
import io.roomchat.core.port.in.TypingCommand;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.RoomEventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Two cores ("nodes"), each with its own connections, joined by an in-process bus: every kind of room event goes
 * through the publisher, and each node's broadcast applies the kind's recipient rule to its own connections.
 */
class EveryEventOverTheBusTest {
    private final Bus bus = new Bus();
    private final ChatHarness nodeA = new ChatHarness(Limits.defaults(), bus::join);
    private final ChatHarness nodeB = new ChatHarness(Limits.defaults(), bus::join);

    /** Carries each announcement to every node, as SNS or Redis would. */
    static final class Bus {
        final List<Announcement> carried = new CopyOnWriteArrayList<>();
        private final List<BroadcastUseCase> nodes = new CopyOnWriteArrayList<>();

        RoomEventPublisher join(BroadcastUseCase node) {
            nodes.add(node);
            return announcement -> {
                carried.add(announcement);
                nodes.forEach(each -> each.broadcast(announcement));
            };
        }

        List<Class<?>> kinds() {
            return carried.stream().<Class<?>>map(announcement -> announcement.event().getClass()).toList();
        }
    }

    @Test
    void presence_typing_read_and_messages_all_go_through_the_publisher() {
        var alice = nodeA.connectAndJoin("alice", "general", Protocol.V2);
        nodeA.post(alice, "general", "hi");
        var posted = nodeA.received(alice).get(0);
        nodeA.core.handle(alice, new TypingCommand(room("general")));
        nodeA.core.handle(alice, new MarkReadCommand(room("general"), posted.postedAt()));

        assertThat(bus.kinds()).containsExactly(RoomEvent.Presence.class, RoomEvent.Message.class,
                RoomEvent.Typing.class, RoomEvent.Read.class);
        assertThat(bus.carried.get(2).origin()).contains(alice);
        assertThat(bus.carried.get(0).origin()).isEmpty();
    }

    @Test
    void a_join_on_one_node_is_told_to_v2_connections_on_the_other_only() {
        var bobV2 = nodeB.connectAndJoin("bob", "general", Protocol.V2);
        var carolV1 = nodeB.connectAndJoin("carol", "general", Protocol.V1);

        nodeA.connectAndJoin("alice", "general", Protocol.V2);

        assertThat(nodeB.presenceSeenBy(bobV2)).extracting(RoomEvent.Presence::userId)
                .endsWith(new UserId("alice"));
        assertThat(nodeB.gateway.eventsSeenBy(carolV1)).noneMatch(RoomEvent.Presence.class::isInstance);
    }

    @Test
    void typing_reaches_every_other_v2_connection_on_every_node_but_never_its_own() {
        var alice = nodeA.connectAndJoin("alice", "general", Protocol.V2);
        var aliceOnA = nodeA.connectAndJoin("alice", "general", Protocol.V2);
        var bob = nodeB.connectAndJoin("bob", "general", Protocol.V2);
        var carolV1 = nodeB.connectAndJoin("carol", "general", Protocol.V1);

        nodeA.core.handle(alice, new TypingCommand(room("general")));

        assertThat(nodeB.seenBy(bob, RoomEvent.Typing.class)).hasSize(1);
        assertThat(nodeA.seenBy(aliceOnA, RoomEvent.Typing.class)).hasSize(1);
        assertThat(nodeA.seenBy(alice, RoomEvent.Typing.class)).isEmpty();
        assertThat(nodeB.seenBy(carolV1, RoomEvent.Typing.class)).isEmpty();
    }

    @Test
    void the_origin_is_left_out_on_whichever_node_holds_it() {
        var bob = nodeB.connectAndJoin("bob", "general", Protocol.V2);
        var dave = nodeB.connectAndJoin("dave", "general", Protocol.V2);
        var typing = new RoomEvent.Typing(room("general"), new UserId("bob"),
                new DisplayName("bob name"));

        nodeB.core.broadcast(Announcement.from(bob, typing));

        assertThat(nodeB.seenBy(bob, RoomEvent.Typing.class)).isEmpty();
        assertThat(nodeB.seenBy(dave, RoomEvent.Typing.class)).containsExactly(typing);
    }

    @Test
    void a_message_posted_on_one_node_reaches_both_protocols_on_the_other() {
        var alice = nodeA.connectAndJoin("alice", "general", Protocol.V2);
        var bobV1 = nodeB.connectAndJoin("bob", "general", Protocol.V1);
        var carolV2 = nodeB.connectAndJoin("carol", "general", Protocol.V2);

        nodeA.post(alice, "general", "hello");

        assertThat(nodeB.received(bobV1)).hasSize(1);
        assertThat(nodeB.received(carolV2)).hasSize(1);
    }

    @Test
    void a_node_whose_room_is_too_busy_sends_no_presence() {
        Bus small = new Bus();
        ChatHarness busy = new ChatHarness(Limits.defaults().withPresenceMaxUsers(1), small::join);
        var bob = busy.connectAndJoin("bob", "general", Protocol.V2);
        busy.connectAndJoin("carol", "general", Protocol.V2);
        ConnectionId gone = busy.connectAndJoin("dave", "general", Protocol.V2);

        busy.core.disconnect(gone);

        assertThat(small.kinds()).contains(RoomEvent.Presence.class);
        assertThat(busy.presenceSeenBy(bob)).extracting(RoomEvent.Presence::kind)
                .as("only bob's own join, while he was alone").containsExactly(RoomEvent.Presence.Kind.JOIN);
    }
}
