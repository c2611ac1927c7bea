package io.roomchat.adapter.inmemory;

import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.core.port.out.RoomBans;
import io.roomchat.core.port.out.RoomPolicy;
import io.roomchat.core.port.out.TokenVerifier;
import java.time.Clock;
import java.util.Objects;

/**
 * The in-memory binding: thread-safe stores that keep everything in this process, and the whole chat embedded
 * in a Java program with callbacks for sinks. See {@code docs/embedding.md}.
 */
public final class InMemoryChat {
    private InMemoryChat() {
    }

    /** A new, empty, thread-safe connection store. */
    public static ConnectionStore connectionStore() {
        return new InMemoryConnectionStore();
    }

    /** A new, empty, thread-safe message store; it keeps every message until the process ends. */
    public static MessageStore messageStore() {
        return new InMemoryMessageStore();
    }

    /** New, empty, thread-safe read positions, kept until the process ends. */
    public static ReadPositions readPositions() {
        return new InMemoryReadPositions();
    }

    /** New, empty, thread-safe room bans, kept until the process ends. */
    public static RoomBans roomBans() {
        return new InMemoryRoomBans();
    }

    /** A chat with in-memory stores and the default limits, accepting the connections {@code verifier} accepts. */
    public static EmbeddedChat embedded(TokenVerifier verifier) {
        return builder(verifier).build();
    }

    /** A chat to configure: limits, clock, metrics, or other stores (a durable message store, say). */
    public static Builder builder(TokenVerifier verifier) {
        return new Builder(verifier);
    }

    /** Wires an {@link EmbeddedChat}; every setting has a default but the token verifier. */
    public static final class Builder {
        private final TokenVerifier verifier;
        private ConnectionStore connections = new InMemoryConnectionStore();
        private MessageStore messages = new InMemoryMessageStore();
        private ReadPositions readPositions = new InMemoryReadPositions();
        private Limits limits = Limits.defaults();
        private Clock clock = Clock.systemUTC();
        private ChatMetrics metrics = ChatMetrics.none();
        private RoomBans roomBans = new InMemoryRoomBans();
        private RoomPolicy roomPolicy;

        private Builder(TokenVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
        }

        public Builder connectionStore(ConnectionStore store) {
            this.connections = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder messageStore(MessageStore store) {
            this.messages = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Where read positions are kept (default: in memory, until the process ends). */
        public Builder readPositions(ReadPositions positions) {
            this.readPositions = Objects.requireNonNull(positions, "positions");
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder metrics(ChatMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Where a kick's bans are kept (default: in memory, until the process ends). */
        public Builder roomBans(RoomBans bans) {
            this.roomBans = Objects.requireNonNull(bans, "bans");
            return this;
        }

        /**
         * Who may join which room and who moderates it (default: the grants in each connection's identity; see
         * {@code docs/embedding.md}, "Who may join").
         */
        public Builder roomPolicy(RoomPolicy policy) {
            this.roomPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public EmbeddedChat build() {
            InProcessConnectionGateway gateway = new InProcessConnectionGateway();
            ChatCore.Builder core = ChatCore.builder()
                    .connectionStore(connections)
                    .messageStore(messages)
                    .readPositions(readPositions)
                    .gateway(gateway)
                    .tokenVerifier(verifier)
                    .limits(limits)
                    .clock(clock)
                    .metrics(metrics)
                    .roomBans(roomBans);
            if (roomPolicy != null) {
                core.roomPolicy(roomPolicy);
            }
            return new InProcessChat(core.build(), gateway);
        }
    }
}
