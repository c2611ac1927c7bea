package io.roomchat.testkit.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A real WebSocket client (the JDK's) for end-to-end tests. Every frame received is parsed and kept: replies
 * (frames with a {@code statusCode}) and message events in separate queues, and all frames in arrival order.
 */
public final class WsTestClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    /** The subprotocol that asks for protocol v2 (docs/protocol.md, "Negotiation"). */
    public static final String V2_SUBPROTOCOL = "roomchat.v2";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final WebSocket socket;
    private final Receiver receiver;

    private WsTestClient(WebSocket socket, Receiver receiver) {
        this.socket = socket;
        this.receiver = receiver;
    }

    /** Connects with {@code ?token=}, as the original client does. */
    public static WsTestClient connect(URI endpoint, String token) {
        return open(withToken(endpoint, token), Map.of());
    }

    /** Connects with the given handshake headers (for example {@code Authorization: Bearer ...}). */
    public static WsTestClient connect(URI endpoint, Map<String, String> headers) {
        return open(endpoint, headers);
    }

    /** Connects with {@code ?token=}, offering protocol v2 (the subprotocol {@code roomchat.v2}), as a v2 client does. */
    public static WsTestClient connectV2(URI endpoint, String token) {
        return connectOffering(endpoint, token, V2_SUBPROTOCOL);
    }

    /**
     * Connects with {@code ?token=}, offering these subprotocols in {@code Sec-WebSocket-Protocol}, most preferred
     * first; {@link #acceptedSubprotocol()} then tells which one the server chose.
     */
    public static WsTestClient connectOffering(URI endpoint, String token, String mostPreferred, String... others) {
        return open(withToken(endpoint, token), Map.of(), builder -> builder.subprotocols(mostPreferred, others));
    }

    /**
     * Tries to connect, expecting the server to refuse the upgrade.
     *
     * @return the HTTP status of the refusal
     */
    public static int refusedStatus(URI uri, Map<String, String> headers) {
        try {
            WsTestClient client = open(uri, headers);
            client.close();
            throw new AssertionError("the upgrade to " + uri.getPath() + " was accepted");
        } catch (HandshakeRefused refused) {
            return refused.status;
        }
    }

    public static URI withToken(URI endpoint, String token) {
        String query = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String base = endpoint.toString();
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + query);
    }

    private static WsTestClient open(URI uri, Map<String, String> headers) {
        return open(uri, headers, builder -> { });
    }

    private static WsTestClient open(URI uri, Map<String, String> headers, Consumer<WebSocket.Builder> options) {
        Receiver receiver = new Receiver();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        options.accept(builder);
        try {
            WebSocket socket = builder.buildAsync(uri, receiver).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return new WsTestClient(socket, receiver);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof WebSocketHandshakeException handshake) {
                throw new HandshakeRefused(handshake.getResponse().statusCode());
            }
            throw new AssertionError("could not connect: " + failed.getCause(), failed.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("could not connect in time", e);
        }
    }

    /** A fresh frame object with this action. */
    public static ObjectNode frame(String action) {
        return JSON.createObjectNode().put("action", action);
    }

    /** Sends a text frame as is. */
    public void sendText(String text) {
        try {
            socket.sendText(text, true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("could not send", e);
        }
    }

    public void sendBinary(byte[] bytes) {
        try {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("could not send", e);
        }
    }

    public void send(JsonNode frame) {
        sendText(write(frame));
    }

    /** Sends {@code frame} with a fresh {@code requestId} and returns that id, without waiting for the reply. */
    public String sendWithRequestId(ObjectNode frame) {
        String requestId = "req-" + REQUEST_IDS.incrementAndGet();
        send(frame.deepCopy().put("requestId", requestId));
        return requestId;
    }

    /** Sends {@code frame} with a fresh {@code requestId} and waits for its reply, which must be the next one. */
    public JsonNode request(ObjectNode frame) {
        String requestId = sendWithRequestId(frame);
        JsonNode reply = nextReply();
        if (!requestId.equals(reply.path("requestId").asText(null))) {
            throw new AssertionError("expected the reply to " + requestId + ", got " + reply);
        }
        return reply;
    }

    public JsonNode join(String room, String name) {
        return request(frame("onJoin").put("room", room).put("name", name));
    }

    public JsonNode post(String room, String message) {
        return request(frame("onMessage").put("room", room).put("message", message));
    }

    public JsonNode history(String room) {
        return request(frame("onHistory").put("room", room));
    }

    /** The next reply, waiting up to {@link #WAIT}. */
    public JsonNode nextReply() {
        return take(receiver.replies, "a reply");
    }

    /** The next message event, waiting up to {@link #WAIT}. */
    public JsonNode nextEvent() {
        return take(receiver.events, "a message event");
    }

    public List<JsonNode> nextEvents(int count) {
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(nextEvent());
        }
        return events;
    }

    /** The next event if one arrives within {@code wait}. */
    public Optional<JsonNode> eventWithin(Duration wait) {
        try {
            return Optional.ofNullable(receiver.events.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every frame received so far, replies and events, in arrival order. */
    public List<JsonNode> received() {
        synchronized (receiver.all) {
            return List.copyOf(receiver.all);
        }
    }

    /** The close code the server sent, waiting up to {@code wait}. */
    public int awaitClose(Duration wait) {
        try {
            return receiver.closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + wait, e);
        }
    }

    public boolean isClosedByServer() {
        return receiver.closed.isDone();
    }

    public WebSocket socket() {
        return socket;
    }

    /** The subprotocol the server named in its 101 ({@code Sec-WebSocket-Protocol}), empty when it named none. */
    public Optional<String> acceptedSubprotocol() {
        String accepted = socket.getSubprotocol();
        return accepted == null || accepted.isEmpty() ? Optional.empty() : Optional.of(accepted);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
        }
        if (!receiver.closed.isDone()) {
            try {
                receiver.closed.get(2, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                socket.abort();
            }
        }
    }

    static String write(JsonNode frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode take(BlockingQueue<JsonNode> queue, String what) {
        try {
            JsonNode frame = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no " + what + " within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Thrown when the server answers the upgrade with an HTTP status instead of switching protocols. */
    static final class HandshakeRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        HandshakeRefused(int status) {
            super("upgrade refused with HTTP " + status);
            this.status = status;
        }
    }

    private static final class Receiver implements WebSocket.Listener {
        final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
        final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        final List<JsonNode> all = new ArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                JsonNode frame;
                try {
                    frame = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    frame = JSON.createObjectNode().put("unparsable", text);
                }
                synchronized (all) {
                    all.add(frame);
                }
                (frame.has("statusCode") ? replies : events).add(frame);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete(-1);
        }
    }
}
