package io.roomchat.core.domain;

import java.time.Duration;
import java.util.Objects;

/** Every configurable limit of the protocol, in one place. {@link #defaults()} are the product's contract. */
public record Limits(
        int maxFrameBytes,
        int maxMessageChars,
        int framesPerSecond,
        int frameBurst,
        Duration idleTimeout,
        int historyPageDefault,
        int historyPageMax,
        int outboundQueueFrames,
        int outboundQueueBytes,
        int maxRoomsPerConnection,
        int presenceMaxUsers) {

    public Limits {
        positive(maxFrameBytes, "maxFrameBytes");
        positive(maxMessageChars, "maxMessageChars");
        positive(framesPerSecond, "framesPerSecond");
        positive(frameBurst, "frameBurst");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        positive(historyPageDefault, "historyPageDefault");
        positive(historyPageMax, "historyPageMax");
        positive(outboundQueueFrames, "outboundQueueFrames");
        positive(outboundQueueBytes, "outboundQueueBytes");
        positive(maxRoomsPerConnection, "maxRoomsPerConnection");
        positive(presenceMaxUsers, "presenceMaxUsers");
        if (historyPageDefault > historyPageMax) {
            throw new IllegalArgumentException("historyPageDefault must not exceed historyPageMax");
        }
    }

    public static Limits defaults() {
        return new Limits(32 * 1024, 4_000, 10, 20, Duration.ofMinutes(10), 50, 100, 1_024, 1024 * 1024, 50, 200);
    }

    public Limits withFramesPerSecond(int perSecond, int burst) {
        return new Limits(maxFrameBytes, maxMessageChars, perSecond, burst, idleTimeout,
                historyPageDefault, historyPageMax, outboundQueueFrames, outboundQueueBytes,
                maxRoomsPerConnection, presenceMaxUsers);
    }

    public Limits withOutboundQueueFrames(int frames) {
        return new Limits(maxFrameBytes, maxMessageChars, framesPerSecond, frameBurst, idleTimeout,
                historyPageDefault, historyPageMax, frames, outboundQueueBytes,
                maxRoomsPerConnection, presenceMaxUsers);
    }

    public Limits withOutboundQueueBytes(int bytes) {
        return new Limits(maxFrameBytes, maxMessageChars, framesPerSecond, frameBurst, idleTimeout,
                historyPageDefault, historyPageMax, outboundQueueFrames, bytes,
                maxRoomsPerConnection, presenceMaxUsers);
    }

    public Limits withIdleTimeout(Duration timeout) {
        return new Limits(maxFrameBytes, maxMessageChars, framesPerSecond, frameBurst, timeout,
                historyPageDefault, historyPageMax, outboundQueueFrames, outboundQueueBytes,
                maxRoomsPerConnection, presenceMaxUsers);
    }

    public Limits withMaxRoomsPerConnection(int rooms) {
        return new Limits(maxFrameBytes, maxMessageChars, framesPerSecond, frameBurst, idleTimeout,
                historyPageDefault, historyPageMax, outboundQueueFrames, outboundQueueBytes, rooms, presenceMaxUsers);
    }

    public Limits withPresenceMaxUsers(int users) {
        return new Limits(maxFrameBytes, maxMessageChars, framesPerSecond, frameBurst, idleTimeout,
                historyPageDefault, historyPageMax, outboundQueueFrames, outboundQueueBytes, maxRoomsPerConnection,
                users);
    }

    private static void positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
