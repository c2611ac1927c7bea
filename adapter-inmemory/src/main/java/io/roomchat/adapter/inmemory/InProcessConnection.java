package io.roomchat.adapter.inmemory;

import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.Reply;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

final class InProcessConnection implements EmbeddedConnection {
    private final ChatCore core;
    private final InProcessConnectionGateway gateway;
    private final ConnectionId id;
    private final UserId userId;
    private final Consumer<InProcessConnection> onClose;
    private final AtomicBoolean open = new AtomicBoolean(true);

    InProcessConnection(ChatCore core, InProcessConnectionGateway gateway, ConnectionId id, UserId userId,
                        Consumer<InProcessConnection> onClose) {
        this.core = core;
        this.gateway = gateway;
        this.id = id;
        this.userId = userId;
        this.onClose = onClose;
    }

    @Override
    public ConnectionId id() {
        return id;
    }

    @Override
    public UserId userId() {
        return userId;
    }

    @Override
    public Reply send(ClientCommand command) {
        Objects.requireNonNull(command, "command");
        if (InProcessConnectionGateway.inSink()) {
            // The sink runs while its room's order is held; a nested post would reach members out of order.
            throw new IllegalStateException("send must not be called from inside a sink; hand it to another thread");
        }
        return core.handle(id, command);
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            // Sink first: a fan-out already holding this connection's record then finds it gone and drops it.
            gateway.unregister(id);
            core.disconnect(id);
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedConnection[" + id + ", " + userId + (isOpen() ? "" : ", closed") + "]";
    }
}
