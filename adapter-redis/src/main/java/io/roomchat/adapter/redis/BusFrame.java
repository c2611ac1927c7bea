package io.roomchat.adapter.redis;

import io.roomchat.core.port.out.Announcement;
import io.roomchat.wire.WireCodec;
import java.util.Objects;
import java.util.Optional;

/**
 * One Redis bus payload: the publishing node's id, a space, then the room event as every bus of ours carries it
 * ({@link WireCodec#encodeBusEvent}). The id lets a node skip the presence, typing and read events it delivered
 * itself when it published them (messages are deduplicated by {@code seq} anyway). A payload that is the bare JSON
 * (a node of the previous release) has no publisher id.
 */
record BusFrame(Optional<String> publisher, Announcement announcement) {
    BusFrame {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(announcement, "announcement");
    }

    static String encode(String publisher, Announcement announcement, WireCodec codec) {
        return publisher + " " + codec.encodeBusEvent(announcement);
    }

    /** @throws IllegalArgumentException when the payload is unreadable; the reason quotes none of it */
    static BusFrame decode(String payload, WireCodec codec) {
        if (payload.startsWith("{")) {
            return new BusFrame(Optional.empty(), codec.decodeBusEvent(payload));
        }
        int space = payload.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("payload has no publisher");
        }
        return new BusFrame(Optional.of(payload.substring(0, space)), codec.decodeBusEvent(payload.substring(space + 1)));
    }
}
