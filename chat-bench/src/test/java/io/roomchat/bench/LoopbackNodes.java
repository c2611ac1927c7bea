package io.roomchat.bench;

import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.adapter.jetty.ChatServer;
import io.roomchat.auth.jwt.JwtTokenVerifier;
import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.Limits;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.wire.WireCodec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One or more real servers on free loopback ports, sharing their stores and announcing every post on every node,
 * as the nodes of a cluster do through their bus; each node keeps its own connections. HS256 tokens.
 */
final class LoopbackNodes implements AutoCloseable {
    static final String SECRET = "a-benchmark-test-secret-of-at-least-32-bytes";

    private final List<ChatServer> nodes = new ArrayList<>();

    LoopbackNodes(int count) {
        this(count, Limits.defaults());
    }

    /** Nodes with other limits than the defaults (a small presence bound, say). */
    LoopbackNodes(int count, Limits limits) {
        MessageStore messages = InMemoryChat.messageStore();
        ReadPositions readPositions = InMemoryChat.readPositions();
        try {
            for (int i = 0; i < count; i++) {
                ChatServer node = ChatServer.builder()
                        .host("127.0.0.1")
                        .port(0)
                        .codec(WireCodec.create())
                        .core(ports -> ChatCore.builder()
                                .limits(limits)
                                .connectionStore(InMemoryChat.connectionStore())
                                .messageStore(messages)
                                .readPositions(readPositions)
                                .tokenVerifier(JwtTokenVerifier.hs256(SECRET).build())
                                .gateway(ports.gateway())
                                .metrics(ports.metrics())
                                .eventEncoder(WireCodec.create())
                                .publisher(message -> nodes.forEach(each -> each.core().broadcast(message)))
                                .build())
                        .build();
                nodes.add(node);
                node.start();
            }
        } catch (RuntimeException failure) {
            close();
            throw failure;
        }
    }

    /** The nodes' WebSocket addresses, comma-separated, as {@code --target} takes them. */
    String targets() {
        return String.join(",", nodes.stream().map(ChatServer::webSocketUri).map(URI::toString).toList());
    }

    URI first() {
        return nodes.get(0).webSocketUri();
    }

    @Override
    public void close() {
        nodes.forEach(ChatServer::close);
    }
}
