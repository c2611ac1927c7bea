package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.in.BroadcastUseCase;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.ConnectOutcome;
import io.roomchat.core.port.in.ConnectUseCase;
import io.roomchat.core.port.in.DisconnectUseCase;
import io.roomchat.core.port.in.FrameCaller;
import io.roomchat.core.port.in.HandleCommandUseCase;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.KickCommand;
import io.roomchat.core.port.in.LeaveRoomCommand;
import io.roomchat.core.port.in.MarkReadCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.PresenceQuery;
import io.roomchat.core.port.in.PublishOutcome;
import io.roomchat.core.port.in.PublishUseCase;
import io.roomchat.core.port.in.ReadHistoryQuery;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyChannel;
import io.roomchat.core.port.in.TokenExpiryUseCase;
import io.roomchat.core.port.in.TypingCommand;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ConnectionGateway;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.EventEncoder;
import io.roomchat.core.port.out.FanoutReport;
import io.roomchat.core.port.out.MessageIdGenerator;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.core.port.out.RoomEventPublisher;
import io.roomchat.core.port.out.RoomBans;
import io.roomchat.core.port.out.RoomPolicy;
import io.roomchat.core.port.out.TokenVerifier;
import io.roomchat.core.port.out.TypingGate;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chat, wired: every use case over the ports it is built with. The one public door of the core; build it
 * with {@link #builder()}. Thread-safe when its ports are.
 */
public final class ChatCore implements ConnectUseCase, HandleCommandUseCase, DisconnectUseCase, BroadcastUseCase,
        TokenExpiryUseCase, PublishUseCase {
    private static final System.Logger LOG = System.getLogger(ChatCore.class.getName());

    private final Limits limits;
    private final ChatMetrics metrics;
    private final Connecting connecting;
    private final JoiningRoom joiningRoom;
    private final LeavingRoom leavingRoom;
    private final PostingMessage postingMessage;
    private final Publishing publishing;
    private final ChangingMessage changingMessage;
    private final ReadingHistory readingHistory;
    private final Typing typing;
    private final MarkingRead markingRead;
    private final PresenceQuerying presenceQuerying;
    private final Disconnecting disconnecting;
    private final Broadcasting broadcasting;
    private final ExpiringTokens expiringTokens;
    private final Kicking kicking;

    private ChatCore(Builder b) {
        this.limits = b.limits;
        this.metrics = b.metrics;
        RoomMembers members = new RoomMembers(b.connections);
        TextLimit textLimit = new TextLimit(b.limits);
        Fanout fanout = new Fanout(b.gateway, b.encoder);
        // Broadcasting disconnects the recipients it finds gone, and disconnecting publishes their leaves (and
        // expels a kick's): this::disconnect and this::expel break the cycle, reaching them once the core is built.
        this.broadcasting = new Broadcasting(b.connections, new Recipients(b.connections, b.limits), fanout,
                this::disconnect, this::expel, b.metrics);
        RoomEventPublisher publisher = b.publisherFactory == null
                ? broadcasting::broadcast
                : b.publisherFactory.apply(broadcasting);
        Presence presence = new Presence(publisher);
        TypingThrottle typingThrottle = new TypingThrottle(b.clock);
        this.disconnecting = new Disconnecting(b.connections, presence, typingThrottle);
        this.connecting = new Connecting(b.verifier, b.connections, b.clock);
        this.leavingRoom = new LeavingRoom(b.connections, disconnecting);
        RoomOrder roomOrder = b.orderedRooms
                ? RoomOrder.striped(b.messages, publisher)
                : RoomOrder.none(b.messages, publisher);
        Optional<RoomBans> bans = Optional.ofNullable(b.roomBans);
        this.joiningRoom = new JoiningRoom(b.connections, b.messages, presence, disconnecting, roomOrder,
                new RoomSummary(b.connections, b.messages, b.readPositions, b.roomPolicy),
                new Resuming(b.messages, fanout, disconnecting), new RoomAdmission(b.roomPolicy, bans, b.clock),
                b.limits);
        this.postingMessage = new PostingMessage(members, textLimit, b.messages, b.ids, b.clock, roomOrder,
                b.metrics);
        this.publishing = new Publishing(postingMessage);
        this.changingMessage = new ChangingMessage(members, textLimit, b.messages, b.clock, roomOrder,
                b.roomPolicy);
        this.readingHistory = new ReadingHistory(members, b.messages, b.limits);
        this.typing = new Typing(members, publisher, b.typingGate != null ? b.typingGate : typingThrottle, b.clock);
        this.markingRead = new MarkingRead(members, b.messages, b.readPositions, publisher);
        this.presenceQuerying = new PresenceQuerying(members, b.connections);
        this.expiringTokens = new ExpiringTokens(b.connections, disconnecting, b.clock);
        this.kicking = new Kicking(b.connections, b.roomPolicy, bans, publisher, disconnecting, b.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Limits limits() {
        return limits;
    }

    @Override
    public ConnectOutcome connect(ConnectionId id, String token, Protocol protocol) {
        return connecting.connect(id, token, protocol);
    }

    @Override
    public void handle(ConnectionId caller, ClientCommand command, ReplyChannel replies) {
        OneReply reply = new OneReply(replies, metrics);
        try {
            reply.send(dispatch(caller, command, reply));
        } catch (RuntimeException failure) {
            // The caller learns only that it failed; the log gets the cause but never the frame's content.
            LOG.log(Level.ERROR, "command " + command.getClass().getSimpleName() + " failed", failure);
            reply.send(Reply.internalError());
        }
    }

    private Reply dispatch(ConnectionId caller, ClientCommand command, ReplyChannel replies) {
        if (command instanceof JoinRoomCommand join) {
            return joiningRoom.join(caller, join, replies);
        }
        if (command instanceof LeaveRoomCommand leave) {
            return leavingRoom.leave(caller, leave);
        }
        if (command instanceof PostMessageCommand post) {
            return postingMessage.post(caller, post);
        }
        if (command instanceof ChangeMessageCommand change) {
            return changingMessage.change(caller, change);
        }
        if (command instanceof TypingCommand typingCommand) {
            return typing.typing(caller, typingCommand);
        }
        if (command instanceof MarkReadCommand read) {
            return markingRead.read(caller, read);
        }
        if (command instanceof PresenceQuery query) {
            return presenceQuerying.presence(caller, query);
        }
        if (command instanceof KickCommand kick) {
            return kicking.kick(caller, kick);
        }
        return readingHistory.readHistory(caller, (ReadHistoryQuery) command);
    }

    @Override
    public PublishOutcome publish(UserId author, PostMessageCommand post) {
        return publishing.publish(author, post);
    }

    @Override
    public void disconnect(ConnectionId id) {
        disconnecting.disconnect(id);
    }

    @Override
    public FrameCaller check(ConnectionId caller) {
        return expiringTokens.check(caller);
    }

    @Override
    public FanoutReport broadcast(Announcement announcement) {
        return broadcasting.broadcast(announcement);
    }

    private void expel(RoomEvent.Kicked kicked, List<Member> told) {
        kicking.expel(kicked, told);
    }

    /** Wires the core. Stores, gateway and token verifier are required; the rest have working defaults. */
    public static final class Builder {
        private ConnectionStore connections;
        private MessageStore messages;
        private ReadPositions readPositions;
        private ConnectionGateway gateway;
        private TokenVerifier verifier;
        private Function<BroadcastUseCase, RoomEventPublisher> publisherFactory;
        private TypingGate typingGate;
        private EventEncoder encoder = EventEncoder.none();
        private MessageIdGenerator ids = MessageIdGenerator.randomUuids();
        private Clock clock = Clock.systemUTC();
        private Limits limits = Limits.defaults();
        private ChatMetrics metrics = ChatMetrics.none();
        private boolean orderedRooms = true;
        private RoomPolicy roomPolicy = new GrantedRooms();
        private RoomBans roomBans;

        private Builder() {
        }

        public Builder connectionStore(ConnectionStore store) {
            this.connections = Objects.requireNonNull(store);
            return this;
        }

        public Builder messageStore(MessageStore store) {
            this.messages = Objects.requireNonNull(store);
            return this;
        }

        /** Where each user's read position per room is kept (v2's {@code onRead} and join reply). */
        public Builder readPositions(ReadPositions positions) {
            this.readPositions = Objects.requireNonNull(positions);
            return this;
        }

        public Builder gateway(ConnectionGateway gateway) {
            this.gateway = Objects.requireNonNull(gateway);
            return this;
        }

        public Builder tokenVerifier(TokenVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier);
            return this;
        }

        /** A bus for every room event's fan-out (default: broadcast directly, in the thread where it happened). */
        public Builder publisher(RoomEventPublisher publisher) {
            Objects.requireNonNull(publisher);
            this.publisherFactory = broadcast -> publisher;
            return this;
        }

        /**
         * A publisher that needs this core's broadcast use case: a bus whose subscriber on this node broadcasts what
         * arrives (Redis), or an in-process asynchronous one.
         */
        public Builder publisherUsing(Function<BroadcastUseCase, RoomEventPublisher> factory) {
            this.publisherFactory = Objects.requireNonNull(factory);
            return this;
        }

        /**
         * Where typing forwards are throttled (default: in this core's memory). A binding whose connections' frames
         * reach many processes (serverless) passes a store's, so that the limit holds across them.
         */
        public Builder typingGate(TypingGate gate) {
            this.typingGate = Objects.requireNonNull(gate);
            return this;
        }

        public Builder eventEncoder(EventEncoder encoder) {
            this.encoder = Objects.requireNonNull(encoder);
            return this;
        }

        public Builder messageIds(MessageIdGenerator ids) {
            this.ids = Objects.requireNonNull(ids);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        public Builder metrics(ChatMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics);
            return this;
        }

        /**
         * Whether posts and edits in one room are published in the order they were stored, so every member sees the
         * same order (default true). Serverless bindings, which promise no order, turn it off.
         */
        public Builder orderedRooms(boolean ordered) {
            this.orderedRooms = ordered;
            return this;
        }

        /**
         * Who may join which room and who moderates it (default: the grants the token verifier read from the token,
         * see {@code docs/protocol.md}). An embedding program's own rule goes here.
         */
        public Builder roomPolicy(RoomPolicy policy) {
            this.roomPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * Where a kick's bans are kept and looked up on every join. Without it the chat keeps no bans: a kick with
         * minutes above 0 is refused (400) and changes nothing.
         */
        public Builder roomBans(RoomBans bans) {
            this.roomBans = Objects.requireNonNull(bans);
            return this;
        }

        public ChatCore build() {
            Objects.requireNonNull(connections, "connectionStore is required");
            Objects.requireNonNull(messages, "messageStore is required");
            Objects.requireNonNull(readPositions, "readPositions is required");
            Objects.requireNonNull(gateway, "gateway is required");
            Objects.requireNonNull(verifier, "tokenVerifier is required");
            return new ChatCore(this);
        }
    }
}
