package io.roomchat.adapter.inmemory;

import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.RoomEvent;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole chat inside a Java program: connections are objects, events go to callbacks. Built by
 * {@link InMemoryChat#embedded} or {@link InMemoryChat#builder}; thread-safe.
 */
public interface EmbeddedChat extends AutoCloseable {

    /**
     * Opens a connection (protocol v1: one room at a time) for the user the token names. {@code sink} then receives every event of the room the
     * connection has joined, its own posts included, on the thread that posted them and before that post's
     * {@code send} returns. A sink should be quick: the room's next event waits for it. It must not call
     * {@link EmbeddedConnection#send} itself (that throws {@link IllegalStateException}); hand such work to
     * another thread. A sink that throws misses that event and keeps the next ones.
     *
     * @return the open connection, or empty when the token is refused (nothing is stored then)
     */
    Optional<EmbeddedConnection> connect(String token, Consumer<ChatMessage> sink);

    /**
     * Opens a protocol v2 connection, as a WebSocket client that offers {@code roomchat.v2} gets: it can be in many
     * rooms at once ({@code JoinRoomCommand} adds one, {@code LeaveRoomCommand} leaves one) and {@code sink}
     * receives every {@link RoomEvent} of every room it is in — {@link RoomEvent.Message} as for
     * {@link #connect}, {@link RoomEvent.Presence} when a user's first connection enters a room or its last leaves
     * it, and the other v2 events. The same threading rules as {@link #connect} hold.
     *
     * @return the open connection, or empty when the token is refused (nothing is stored then)
     */
    Optional<EmbeddedConnection> connectV2(String token, Consumer<RoomEvent> sink);

    /** The core this chat runs on, for use cases beyond the connection API (broadcast, metrics, limits). */
    ChatCore core();

    /** Closes every connection still open. */
    @Override
    void close();
}
