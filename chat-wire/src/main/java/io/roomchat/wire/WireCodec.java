package io.roomchat.wire;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.EventEncoder;
import java.util.Optional;

/**
 * Wire protocols v1 and v2 (docs/protocol.md), the one public door of this module: client frames in, replies and
 * room events out, each in the protocol of the connection. Thread-safe and reusable; build one per process with
 * {@link #create()}.
 */
public final class WireCodec implements EventEncoder {
    private final FrameDecoder decoder;
    private final FrameEncoder encoder;

    private WireCodec(FrameDecoder decoder, FrameEncoder encoder) {
        this.decoder = decoder;
        this.encoder = encoder;
    }

    public static WireCodec create() {
        return new WireCodec(new FrameDecoder(), new FrameEncoder());
    }

    /** A v1 frame, as {@link #decode(String, Protocol)} reads it. */
    public DecodedFrame decode(String frameText) {
        return decode(frameText, Protocol.V1);
    }

    /**
     * Never throws: any text that is not a valid frame of {@code protocol} decodes to {@link DecodedFrame.Invalid}
     * (a 400); v2's own actions are unknown to v1.
     */
    public DecodedFrame decode(String frameText, Protocol protocol) {
        return decoder.decode(frameText, protocol);
    }

    /** The v1 reply frame, as {@link #encodeReply(Reply, Optional, Protocol)} writes it. */
    public String encodeReply(Reply reply, Optional<String> requestId) {
        return encodeReply(reply, requestId, Protocol.V1);
    }

    /** The reply frame in {@code protocol}; {@code requestId} is the decoded frame's, echoed when present. */
    public String encodeReply(Reply reply, Optional<String> requestId, Protocol protocol) {
        return encoder.reply(reply, requestId, protocol);
    }

    /** The message-event frame every member of the message's room receives. */
    @Override
    public String encode(ChatMessage event) {
        return encoder.event(event);
    }

    /** Any room event for a connection of {@code protocol}: v1 has message events only, v2 every kind. */
    @Override
    public String encode(RoomEvent event, Protocol protocol) {
        return encoder.event(event, protocol);
    }

    /**
     * A room event as a bus between our own nodes or functions carries it ({@code {"v":1,"kind":…}}, a message's
     * {@code seq} included): not the client protocol.
     */
    public String encodeBusEvent(Announcement announcement) {
        return BusEventJson.encode(announcement);
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a bus event of a version and kind this codec reads
     *                                  (the older {@code {"v":1,"message":…}} included); the reason names no content
     */
    public Announcement decodeBusEvent(String text) {
        return BusEventJson.decode(text);
    }
}
