package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.FrameRate;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.FanoutReport;
import io.roomchat.core.port.out.FrameBudgets;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.PublisherVerifier;
import io.roomchat.core.port.out.RoomBans;
import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.core.port.out.TokenVerifier;
import io.roomchat.core.port.out.TypingGate;
import io.roomchat.wire.FramePipeline;
import io.roomchat.wire.ServerApi;
import io.roomchat.wire.WireCodec;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The chat behind an API Gateway WebSocket API: the one public door of this module. Each Lambda handler calls one
 * of its methods; build it once per execution environment with {@link #builder()}.
 *
 * <pre>{@code
 * ServerlessChat chat = ServerlessChat.builder()
 *         .connectionStore(connections).messageStore(messages).readPositions(positions).frameBudgets(budgets)
 *         .tokenVerifier(verifier)
 *         .managementApi(endpoint -> ApiGatewayManagementApiClient.builder().endpointOverride(endpoint).build())
 *         .snsFanout(SnsClient.create(), topicArn)   // or .directFanout()
 *         .build();
 * }</pre>
 */
public final class ServerlessChat implements AutoCloseable {
    private final ConnectRoute connectRoute;
    private final FrameRoute frameRoute;
    private final FanoutSubscriber fanout;
    private final ServerApiRoute serverApi;
    private final WireCodec codec;
    private final ApiGatewayConnectionGateway gateway;

    private ServerlessChat(Builder b) {
        CallbackEndpoint endpoint = new CallbackEndpoint(b.callbackEndpoint, b.managementApi);
        this.gateway = new ApiGatewayConnectionGateway(endpoint, b.maxInFlight);
        ChatCore.Builder core = ChatCore.builder()
                .connectionStore(b.connections)
                .messageStore(b.messages)
                .readPositions(b.readPositions)
                .tokenVerifier(b.verifier)
                .gateway(gateway)
                .eventEncoder(b.codec)
                .limits(b.limits)
                .clock(b.clock)
                .metrics(b.metrics)
                .orderedRooms(false);
        if (b.typingGate != null) {
            core.typingGate(b.typingGate);
        }
        if (b.roomBans != null) {
            core.roomBans(b.roomBans);
        }
        if (b.sns != null) {
            core.publisher(new SnsRoomEventPublisher(b.sns, b.topicArn, endpoint));
        }
        ChatCore chat = core.build();
        this.codec = b.codec;
        this.connectRoute = new ConnectRoute(chat, chat, endpoint);
        FramePipeline pipeline = new FramePipeline(b.codec, chat, b.budgets, FrameRate.of(b.limits), b.clock,
                b.metrics);
        this.frameRoute = new FrameRoute(pipeline, chat, b.codec, gateway, endpoint, b.limits.maxFrameBytes());
        this.fanout = new FanoutSubscriber(chat, endpoint);
        this.serverApi = new ServerApiRoute(new ServerApi(chat, b.publishers, b.limits.maxFrameBytes()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code $connect}: 200 opens the socket, 401 refuses it. */
    public APIGatewayV2WebSocketResponse onConnect(APIGatewayV2WebSocketEvent event) {
        return connectRoute.connect(event);
    }

    /** {@code $disconnect}. */
    public APIGatewayV2WebSocketResponse onDisconnect(APIGatewayV2WebSocketEvent event) {
        return connectRoute.disconnect(event);
    }

    /** Every frame route ({@code onJoin} … {@code onPresence}, {@code onKick}, {@code $default}): one reply each. */
    public APIGatewayV2WebSocketResponse onFrame(APIGatewayV2WebSocketEvent event) {
        return frameRoute.handle(event);
    }

    /** The server API's HTTP route, {@code ANY /api/rooms/{room}/messages} (docs/protocol.md, "Server API"). */
    public APIGatewayV2HTTPResponse onServerApi(APIGatewayV2HTTPEvent event) {
        return serverApi.handle(event);
    }

    /** The SNS subscriber: broadcasts each notification's message to its room. */
    public FanoutReport onFanout(SNSEvent event) {
        return fanout.handle(event);
    }

    /**
     * Runs the codec, the SNS payload format and the server API's HTTP route once on sample data, so that their
     * classes are loaded and initialised before a snapshot is taken. Calls nothing remote.
     */
    public void prime() {
        codec.decode("{\"action\":\"onJoin\",\"room\":\"priming\",\"name\":\"priming\",\"requestId\":\"p\"}");
        codec.decode("{\"action\":\"onMessage\",\"room\":\"priming\",\"message\":\"priming\"}");
        codec.decode("{\"action\":\"onHistory\",\"room\":\"priming\",\"limit\":1}");
        codec.decode("not json");
        codec.encodeReply(Reply.ok(), Optional.of("p"));
        Instant now = Instant.now();
        ChatMessage sample = ChatMessage.posted(new MessageId("priming"), new RoomName("priming"),
                new UserId("priming"), new DisplayName("priming"), new MessageText("priming"), now);
        codec.encode(sample);
        SnsPayload.decode(SnsPayload.encode(Announcement.of(new RoomEvent.Message(sample)),
                Optional.of(URI.create("https://priming.invalid/stage"))));
        // A GET is answered 405 before any token or store is asked: the server API's classes, nothing remote.
        serverApi.handle(APIGatewayV2HTTPEvent.builder().withRawPath("/api/rooms/priming/messages")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build())
                        .build())
                .build());
    }

    /** Stops the delivery threads and closes the Management API clients; a Lambda environment never needs to. */
    @Override
    public void close() {
        gateway.close();
    }

    public static final class Builder {
        private ConnectionStore connections;
        private MessageStore messages;
        private ReadPositions readPositions;
        private TokenVerifier verifier;
        private PublisherVerifier publishers = PublisherVerifier.none();
        private WireCodec codec = WireCodec.create();
        private Function<URI, ApiGatewayManagementApiClient> managementApi;
        private Optional<URI> callbackEndpoint = Optional.empty();
        private SnsClient sns;
        private String topicArn;
        private boolean direct;
        private int maxInFlight = 64;
        private Limits limits = Limits.defaults();
        private FrameBudgets budgets = FrameBudgets.UNLIMITED;
        private TypingGate typingGate;
        private Clock clock = Clock.systemUTC();
        private RoomBans roomBans;
        private ChatMetrics metrics = ChatMetrics.none();

        private Builder() {
        }

        public Builder connectionStore(ConnectionStore store) {
            this.connections = Objects.requireNonNull(store);
            return this;
        }

        public Builder readPositions(ReadPositions positions) {
            this.readPositions = Objects.requireNonNull(positions);
            return this;
        }

        public Builder messageStore(MessageStore store) {
            this.messages = Objects.requireNonNull(store);
            return this;
        }

        public Builder tokenVerifier(TokenVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier);
            return this;
        }

        /** How the server API checks its bearer tokens; without it, every token is refused (401). */
        public Builder publisherVerifier(PublisherVerifier verifier) {
            this.publishers = Objects.requireNonNull(verifier);
            return this;
        }

        public Builder codec(WireCodec codec) {
            this.codec = Objects.requireNonNull(codec);
            return this;
        }

        /**
         * Builds a Management API client for an endpoint such as
         * {@code https://<api>.execute-api.<region>.amazonaws.com/<stage>}.
         */
        public Builder managementApi(Function<URI, ApiGatewayManagementApiClient> clientForEndpoint) {
            this.managementApi = Objects.requireNonNull(clientForEndpoint);
            return this;
        }

        /** The Management API endpoint; without it, learned from the first API Gateway event. */
        public Builder callbackEndpoint(URI endpoint) {
            this.callbackEndpoint = Optional.of(endpoint);
            return this;
        }

        /** Fan-out through an SNS topic whose subscriber calls {@link #onFanout}. */
        public Builder snsFanout(SnsClient client, String topicArn) {
            this.sns = Objects.requireNonNull(client);
            this.topicArn = Objects.requireNonNull(topicArn);
            this.direct = false;
            return this;
        }

        /** Fan-out inside the function that stored the message: one hop less, no topic. */
        public Builder directFanout() {
            this.sns = null;
            this.topicArn = null;
            this.direct = true;
            return this;
        }

        /** How many {@code postToConnection} calls one fan-out keeps open at once (default 64). */
        public Builder maxInFlight(int calls) {
            this.maxInFlight = calls;
            return this;
        }

        /** The frame size and rate limits, among others; the rate is kept by {@link #frameBudgets}. */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /**
         * Where each connection's frame budget is kept (API Gateway may send a connection's frames to different
         * function instances, so it cannot be kept in memory). Without it, frames are not rate limited here.
         */
        /** Where typing is throttled: a store's, so that one per connection and room every 2 s holds across instances. */
        public Builder typingGate(TypingGate gate) {
            this.typingGate = Objects.requireNonNull(gate);
            return this;
        }

        public Builder frameBudgets(FrameBudgets budgets) {
            this.budgets = Objects.requireNonNull(budgets);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Where a kick's bans are kept: a store every function shares. Without it a kick with minutes above 0 is
         * refused (400) and changes nothing.
         */
        public Builder roomBans(RoomBans bans) {
            this.roomBans = Objects.requireNonNull(bans);
            return this;
        }

        /** Counters for frames in and replies by status, as the self-hosted server keeps (default: none). */
        public Builder metrics(ChatMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics);
            return this;
        }

        public ServerlessChat build() {
            Objects.requireNonNull(connections, "connectionStore is required");
            Objects.requireNonNull(messages, "messageStore is required");
            Objects.requireNonNull(readPositions, "readPositions is required");
            Objects.requireNonNull(verifier, "tokenVerifier is required");
            Objects.requireNonNull(managementApi, "managementApi is required");
            if (sns == null && !direct) {
                throw new IllegalStateException("choose snsFanout(client, topicArn) or directFanout()");
            }
            return new ServerlessChat(this);
        }
    }
}
