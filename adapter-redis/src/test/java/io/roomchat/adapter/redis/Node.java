package io.roomchat.adapter.redis;

import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ConnectOutcome;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.LeaveRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.TypingCommand;
import io.roomchat.core.port.out.ConnectionGateway;
import io.roomchat.core.port.out.Delivery;
import io.roomchat.core.port.out.DeliveryStatus;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.TokenVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One server node in a test: its own core, in-memory connection store and recording gateway, on the shared message
 * store and a real Redis bus. A token is the user id.
 */
final class Node implements AutoCloseable {
    final RedisBus bus;
    private final ChatCore core;
    private final Map<ConnectionId, List<ChatMessage>> received = new ConcurrentHashMap<>();
    private final Map<ConnectionId, List<RoomEvent>> events = new ConcurrentHashMap<>();

    Node(String redisUrl, MessageStore messages) {
        this(redisUrl, messages, BusSettings.DEFAULTS);
    }

    Node(String redisUrl, MessageStore messages, BusSettings settings) {
        bus = RedisBus.connect(redisUrl, messages, InMemoryChat.connectionStore(), settings);
        core = ChatCore.builder()
                .connectionStore(bus.connectionStore())
                .messageStore(messages)
                .readPositions(InMemoryChat.readPositions())
                .gateway(new Recording())
                .tokenVerifier(token -> new TokenVerification.Verified(new Identity(new UserId(token))))
                .publisherUsing(bus::publisher)
                .build();
    }

    /** A v2 connection of {@code user}, already in {@code room}. */
    ConnectionId member(String user, RoomName room) {
        ConnectionId id = connected(user);
        join(id, room);
        return id;
    }

    /**
     * A v2 connection of {@code user} resuming in {@code room} after {@code since} ({@code onJoin} with
     * {@code since}); fails when its reply is not a recovered 200 or when a message reached it before the reply.
     */
    ConnectionId resumed(String user, RoomName room, long since) {
        ConnectionId id = connected(user);
        core.handle(id, new JoinRoomCommand(room, new DisplayName("member"), OptionalLong.of(since)), reply -> {
            expectOk(reply);
            if (!receivedBy(id).isEmpty()) {
                throw new AssertionError("a message reached " + id + " before its join's reply");
            }
        });
        return id;
    }

    private ConnectionId connected(String user) {
        ConnectionId id = new ConnectionId(UUID.randomUUID().toString());
        if (!(core.connect(id, user, Protocol.V2) instanceof ConnectOutcome.Accepted)) {
            throw new AssertionError("connect refused");
        }
        received.put(id, new ArrayList<>());
        events.put(id, new ArrayList<>());
        return id;
    }

    void join(ConnectionId id, RoomName room) {
        expectOk(core.handle(id, new JoinRoomCommand(room, new DisplayName("member"))));
    }

    void leave(ConnectionId id, RoomName room) {
        expectOk(core.handle(id, new LeaveRoomCommand(room)));
    }

    void post(ConnectionId id, RoomName room, String text) {
        expectOk(core.handle(id, new PostMessageCommand(room, new MessageText(text))));
    }

    void typing(ConnectionId id, RoomName room) {
        expectOk(core.handle(id, new TypingCommand(room)));
    }

    void disconnect(ConnectionId id) {
        core.disconnect(id);
    }

    /** The events of {@code type} that {@code id} received so far, in order. */
    <T extends RoomEvent> List<T> seenBy(ConnectionId id, Class<T> type) {
        List<RoomEvent> seen = events.get(id);
        synchronized (seen) {
            return seen.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** The messages {@code id} received so far, in order. */
    List<ChatMessage> receivedBy(ConnectionId id) {
        List<ChatMessage> messages = received.get(id);
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    public void close() {
        bus.close();
    }

    private static void expectOk(Reply reply) {
        if (!reply.isOk()) {
            throw new AssertionError("refused: " + reply);
        }
    }

    private final class Recording implements ConnectionGateway {
        @Override
        public CompletionStage<DeliveryStatus> deliver(ConnectionId to, Delivery delivery) {
            List<RoomEvent> seen = events.get(to);
            if (seen != null) {
                synchronized (seen) {
                    seen.add(delivery.event());
                }
            }
            List<ChatMessage> messages = received.get(to);
            if (messages != null && delivery.event() instanceof RoomEvent.Message event) {
                synchronized (messages) {
                    messages.add(event.message());
                }
            }
            return CompletableFuture.completedFuture(DeliveryStatus.DELIVERED);
        }
    }
}
