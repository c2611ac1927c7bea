package io.roomchat.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.AccessGrants;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPattern;
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
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
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
        this(limits, (UnaryOperator<ChatCore.Builder>) builder -> builder.roomBans(new FakeRoomBans()));
    }

    /** A core whose room events go out through {@code bus}. */
    ChatHarness(Limits limits, Function<BroadcastUseCase, RoomEventPublisher> bus) {
        this(limits, (UnaryOperator<ChatCore.Builder>) builder -> builder.roomBans(new FakeRoomBans())
                .publisherUsing(bus));
    }

    /** A core with default limits, built with whatever {@code extra} adds (a room policy, no bans). */
    ChatHarness(UnaryOperator<ChatCore.Builder> extra) {
        this(Limits.defaults(), extra);
    }

    private ChatHarness(Limits limits, UnaryOperator<ChatCore.Builder> extra) {
        ChatCore.Builder builder = ChatCore.builder()
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
                });
        core = extra.apply(builder).build();
    }

    /**
     * {@code valid:<userId>}, then optionally {@code ;exp=<instant>} for a token that runs out, {@code ;rooms=<p>|<p>}
     * for a rooms grant and {@code ;mod=<p>|<p>} for a moderator grant ({@code |} between patterns).
     */
    private static TokenVerification verify(String token) {
        if (!token.startsWith("valid:")) {
            return new TokenVerification.Refused("bad token");
        }
        String[] parts = token.substring("valid:".length()).split(";");
        UserId user = new UserId(parts[0]);
        Optional<Instant> expiry = Optional.empty();
        Optional<List<RoomPattern>> rooms = Optional.empty();
        List<RoomPattern> moderates = List.of();
        for (int i = 1; i < parts.length; i++) {
            String[] claim = parts[i].split("=", 2);
            switch (claim[0]) {
                case "exp" -> expiry = Optional.of(Instant.parse(claim[1]));
                case "rooms" -> rooms = Optional.of(patterns(claim[1]));
                case "mod" -> moderates = patterns(claim[1]);
                default -> throw new IllegalArgumentException("test token part " + claim[0]);
            }
        }
        return new TokenVerification.Verified(new Identity(user, expiry, new AccessGrants(rooms, moderates)));
    }

    private static List<RoomPattern> patterns(String list) {
        return list.isEmpty() ? List.of() : Stream.of(list.split("\\|")).map(RoomPattern::new).toList();
    }

    /** Connects with a token carrying {@code claims} after the user id ({@code ";rooms=team-*;mod=team-a"}). */
    ConnectionId connectWith(String userId, String claims, Protocol protocol) {
        ConnectionId id = new ConnectionId("conn-" + userId + "-" + connections.size());
        assertThat(core.connect(id, "valid:" + userId + claims, protocol)).isInstanceOf(ConnectOutcome.Accepted.class);
        return id;
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
