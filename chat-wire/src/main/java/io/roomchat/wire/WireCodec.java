package io.roomchat.wire;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.EventEncoder;
import java.util.Optional;

/**
 * Wire protocol v1 (docs/protocol.md), the one public door of this module: client frames in, replies and message events
 * out. Thread-safe and reusable; build one per process with {@link #create()}.
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

    /** Never throws: any text that is not a valid frame decodes to {@link DecodedFrame.Invalid} (a 400). */
    public DecodedFrame decode(String frameText) {
        return decoder.decode(frameText);
    }

    /** The reply frame; {@code requestId} is the decoded frame's, echoed when present. */
    public String encodeReply(Reply reply, Optional<String> requestId) {
        return encoder.reply(reply, requestId);
    }

    /** The message-event frame every member of the message's room receives. */
    @Override
    public String encode(ChatMessage event) {
        return encoder.event(event);
    }

    /**
     * A stored message as a bus between our own nodes carries it ({@code {"v":1,"message":{…}}}, {@code seq}
     * included): not the client protocol.
     */
    public String encodeStored(ChatMessage message) {
        return StoredMessageJson.encode(message);
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a stored message of a version this codec reads; the
     *                                  reason names no content
     */
    public ChatMessage decodeStored(String text) {
        return StoredMessageJson.decode(text);
    }
}
