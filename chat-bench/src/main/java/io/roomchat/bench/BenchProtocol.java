package io.roomchat.bench;

import java.util.List;
import java.util.Locale;

/**
 * The wire protocol the load generator speaks (docs/protocol.md). Both post and join with the same client frames;
 * they differ in the subprotocol offered at the upgrade and in how a reply starts: v1's
 * <code>{"statusCode":</code>, v2's <code>{"type":"reply","statusCode":</code>. A v2 connection also receives typed events other than messages
 * ({@code presence}, {@code typing}, {@code read}), which are counted by type, never taken for messages.
 */
enum BenchProtocol {
    V1("{\"statusCode\":", List.of()),
    V2("{\"type\":\"reply\",\"statusCode\":", List.of("roomchat.v2"));

    private static final String TYPE_PREFIX = "{\"type\":\"";

    private final String replyPrefix;
    private final List<String> subprotocols;

    BenchProtocol(String replyPrefix, List<String> subprotocols) {
        this.replyPrefix = replyPrefix;
        this.subprotocols = subprotocols;
    }

    /** What the upgrade request offers in {@code Sec-WebSocket-Protocol}: nothing for v1. */
    List<String> subprotocols() {
        return subprotocols;
    }

    /** The status code of a reply frame, or -1 when the frame is an event. */
    int replyStatus(CharSequence frame) {
        return BenchText.replyStatus(frame, replyPrefix);
    }

    /**
     * The type of a v2 event frame (<code>{"type":"presence",...}</code>), or null for a v1 frame or one without a
     * leading type; message events are read as messages before this is asked.
     */
    String eventType(String frame) {
        if (this == V1 || !frame.startsWith(TYPE_PREFIX)) {
            return null;
        }
        int end = frame.indexOf('"', TYPE_PREFIX.length());
        return end < 0 ? null : frame.substring(TYPE_PREFIX.length(), end);
    }

    /** The name used on the command line and in result lines. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BenchProtocol parse(String text) {
        for (BenchProtocol protocol : values()) {
            if (protocol.label().equalsIgnoreCase(text)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("--protocol must be v1 or v2: " + text);
    }
}
