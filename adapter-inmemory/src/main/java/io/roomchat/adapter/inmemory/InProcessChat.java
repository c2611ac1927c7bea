package io.roomchat.adapter.inmemory;

import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.in.ConnectOutcome;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

final class InProcessChat implements EmbeddedChat {
    private static final System.Logger LOG = System.getLogger(InProcessChat.class.getName());

    private final ChatCore core;
    private final InProcessConnectionGateway gateway;
    private final Set<InProcessConnection> open = ConcurrentHashMap.newKeySet();

    InProcessChat(ChatCore core, InProcessConnectionGateway gateway) {
        this.core = core;
        this.gateway = gateway;
    }

    @Override
    public Optional<EmbeddedConnection> connect(String token, Consumer<ChatMessage> sink) {
        Objects.requireNonNull(sink, "sink");
        // A v1 connection is sent message events only.
        // v1 has message events only; a kick takes the connection out of its room without one.
        return open(token, Protocol.V1, event -> {
            if (event instanceof RoomEvent.Message message) {
                sink.accept(message.message());
            }
        });
    }

    @Override
    public Optional<EmbeddedConnection> connectV2(String token, Consumer<RoomEvent> sink) {
        return open(token, Protocol.V2, Objects.requireNonNull(sink, "sink"));
    }

    private Optional<EmbeddedConnection> open(String token, Protocol protocol, Consumer<RoomEvent> sink) {
        ConnectionId id = new ConnectionId("embedded-" + UUID.randomUUID());
        ConnectOutcome outcome = core.connect(id, token, protocol);
        if (outcome instanceof ConnectOutcome.Refused refused) {
            LOG.log(Level.DEBUG, "connection refused: {0}", refused.reason());
            return Optional.empty();
        }
        // A new connection is in no room yet, so no event can miss the sink registered just after.
        gateway.register(id, sink);
        var connection = ((ConnectOutcome.Accepted) outcome).connection();
        InProcessConnection opened = new InProcessConnection(core, gateway, id, connection.userId(), open::remove);
        open.add(opened);
        return Optional.of(opened);
    }

    @Override
    public ChatCore core() {
        return core;
    }

    @Override
    public void close() {
        List.copyOf(open).forEach(InProcessConnection::close);
    }
}
