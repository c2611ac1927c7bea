package io.roomchat.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.BroadcastUseCase;
import io.roomchat.core.port.in.ConnectOutcome;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.EventEncoder;
import io.roomchat.core.port.out.RoomEventPublisher;
import io.roomchat.core.port.out.TokenVerification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A core wired to fakes. Tokens are "valid:<userId>" (optionally ";exp=<instant>") to be accepted; encoded events are counted so that tests
 * can check the once-per-event encoding.
 */
final class ChatHarness {
    static final Instant START = Instant.parse("2026-11-27T18:38:45.123Z");

    final FakeConnectionStore connections = new FakeConnectionStore();
    final FakeMessageStore messages = new FakeMessageStore();
    final FakeReadPositions readPositions = new FakeReadPositions();
    final RecordingGateway gateway = new RecordingGateway();
    final MutableClock clock = new MutableClock(START);
    final AtomicInteger encodings = new AtomicInteger();
    final List<Status> repliedStatuses = new ArrayList<>();
    final ChatCore core;

    ChatHarness() {
        this(Limits.defaults());
    }

    ChatHarness(Limits limits) {
        this(limits, null);
    }

    /** A core whose room events go out through {@code bus} (null: broadcast directly). */
    ChatHarness(Limits limits, Function<BroadcastUseCase, RoomEventPublisher> bus) {
        ChatCore.Builder builder = ChatCore.builder();
        if (bus != null) {
            builder.publisherUsing(bus);
        }
        core = builder
                .connectionStore(connections)
                .messageStore(messages)
                .readPositions(readPositions)
                .gateway(gateway)
                .tokenVerifier(ChatHarness::verify)
                .eventEncoder(new EventEncoder() {
                    @Override
                    public String encode(ChatMessage event) {
                        return "event#" + encodings.incrementAndGet() + ":" + event.id();
                    }

                    @Override
                    public String encode(RoomEvent event, Protocol protocol) {
                        if (event instanceof RoomEvent.Message message) {
                            return protocol + " " + encode(message.message());
                        }
                        return event instanceof RoomEvent.Presence presence
                                ? protocol + " presence#" + encodings.incrementAndGet() + ":" + presence.kind()
                                : protocol + " " + event.getClass().getSimpleName() + "#"
                                        + encodings.incrementAndGet();
                    }
                })
                .clock(clock)
                .limits(limits)
                .metrics(new ChatMetrics() {
                    @Override
                    public synchronized void replied(Status status) {
                        repliedStatuses.add(status);
                    }
                })
                .build();
    }

    /** {@code valid:<userId>}, or {@code valid:<userId>;exp=<instant>} for a token that runs out. */
    private static TokenVerification verify(String token) {
        if (!token.startsWith("valid:")) {
            return new TokenVerification.Refused("bad token");
        }
        String[] userAndExpiry = token.substring("valid:".length()).split(";exp=", 2);
        UserId user = new UserId(userAndExpiry[0]);
        return new TokenVerification.Verified(userAndExpiry.length == 1
                ? new Identity(user)
                : new Identity(user, Instant.parse(userAndExpiry[1])));
    }

    static RoomName room(String name) {
        return new RoomName(name);
    }

    ConnectionId connect(String userId) {
        return connect(userId, Protocol.V1);
    }

    ConnectionId connect(String userId, Protocol protocol) {
        ConnectionId id = new ConnectionId("conn-" + userId + "-" + connections.size());
        assertThat(core.connect(id, "valid:" + userId, protocol)).isInstanceOf(ConnectOutcome.Accepted.class);
        return id;
    }

    ConnectionId connectAndJoin(String userId, String room) {
        return connectAndJoin(userId, room, Protocol.V1);
    }

    ConnectionId connectAndJoin(String userId, String room, Protocol protocol) {
        ConnectionId id = connect(userId, protocol);
        join(id, room, userId + " name");
        return id;
    }

    void join(ConnectionId id, String room, String name) {
        assertThat(core.handle(id, new JoinRoomCommand(room(room), new DisplayName(name))).status())
                .isEqualTo(Status.OK);
    }

    Reply post(ConnectionId from, String room, String text) {
        return core.handle(from, new PostMessageCommand(room(room), new MessageText(text)));
    }

    ReplyPayload.Posted posted(ConnectionId from, String room, String text) {
        Reply reply = post(from, room, text);
        assertThat(reply.status()).isEqualTo(Status.OK);
        return (ReplyPayload.Posted) reply.payload().orElseThrow();
    }

    List<ChatMessage> received(ConnectionId id) {
        return gateway.receivedBy(id);
    }

    /** The events of {@code type} that {@code id} received, in order. */
    <T extends RoomEvent> List<T> seenBy(ConnectionId id, Class<T> type) {
        return gateway.eventsSeenBy(id).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A join that may be refused, for its reply. */
    Reply joinReply(ConnectionId id, String room, String name) {
        return core.handle(id, new JoinRoomCommand(room(room), new DisplayName(name)));
    }

    /** The presence events {@code id} received, in order. */
    List<RoomEvent.Presence> presenceSeenBy(ConnectionId id) {
        return gateway.presenceSeenBy(id);
    }
}
