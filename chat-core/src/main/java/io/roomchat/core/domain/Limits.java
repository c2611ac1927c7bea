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
        int maxRoomsPerConnection,
        int presenceMaxUsers) {

    /** The rooms a v2 connection may be in at once, by default. */
    public static final int DEFAULT_MAX_ROOMS_PER_CONNECTION = 50;
    /** Above this many users present, a room sends no presence events, by default. */
    public static final int DEFAULT_PRESENCE_MAX_USERS = 200;

    public Limits {
        positive(maxFrameBytes, "maxFrameBytes");
        positive(maxMessageChars, "maxMessageChars");
        positive(framesPerSecond, "framesPerSecond");
        positive(frameBurst, "frameBurst");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        positive(historyPageDefault, "historyPageDefault");
        positive(historyPageMax, "historyPageMax");
        positive(outboundQueueFrames, "outboundQueueFrames");
        positive(maxRoomsPerConnection, "maxRoomsPerConnection");
        positive(presenceMaxUsers, "presenceMaxUsers");
        if (historyPageDefault > historyPageMax) {
            throw new IllegalArgumentException("historyPageDefault must not exceed historyPageMax");
        }
    }

    /** The v1 limits, with the v2 ones at their defaults. */
    public Limits(int maxFrameBytes, int maxMessageChars, int framesPerSecond, int frameBurst, Duration idleTimeout,
                  int historyPageDefault, int historyPageMax, int outboundQueueFrames) {
        this(maxFrameBytes, maxMessageChars, framesPerSecond, frameBurst, idleTimeout, historyPageDefault,
                historyPageMax, outboundQueueFrames, DEFAULT_MAX_ROOMS_PER_CONNECTION, DEFAULT_PRESENCE_MAX_USERS);
    }

    public static Limits defaults() {
        return new Limits(32 * 1024, 4_000, 10, 20, Duration.ofMinutes(10), 50, 100, 1_024);
    }

    public Limits withFramesPerSecond(int perSecond, int burst) {
        return new Limits(maxFrameBytes, maxMessageChars, perSecond, burst, idleTimeout,
                historyPageDefault, historyPageMax, outboundQueueFrames, maxRoomsPerConnection, presenceMaxUsers);
    }

    public Limits withOutboundQueueFrames(int frames) {
        return new Limits(maxFrameBytes, maxMessageChars, framesPerSecond, frameBurst, idleTimeout,
                historyPageDefault, historyPageMax, frames, maxRoomsPerConnection, presenceMaxUsers);
    }

    public Limits withIdleTimeout(Duration timeout) {
        return new Limits(maxFrameBytes, maxMessageChars, framesPerSecond, frameBurst, timeout,
                historyPageDefault, historyPageMax, outboundQueueFrames, maxRoomsPerConnection, presenceMaxUsers);
    }

    public Limits withMaxRoomsPerConnection(int rooms) {
        return new Limits(maxFrameBytes, maxMessageChars, framesPerSecond, frameBurst, idleTimeout,
                historyPageDefault, historyPageMax, outboundQueueFrames, rooms, presenceMaxUsers);
    }

    public Limits withPresenceMaxUsers(int users) {
        return new Limits(maxFrameBytes, maxMessageChars, framesPerSecond, frameBurst, idleTimeout,
                historyPageDefault, historyPageMax, outboundQueueFrames, maxRoomsPerConnection, users);
    }

    private static void positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
