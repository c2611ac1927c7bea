package io.roomchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.Reply;

/** Test support: frames written with single quotes for readability, and decoding with the outcome asserted. */
final class Frames {
    static final WireCodec CODEC = WireCodec.create();

    private Frames() {
    }

    /** {@code json("{'action':'onJoin'}")} is {@code {"action":"onJoin"}}. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static DecodedFrame.Command decodesToCommand(String frame) {
        DecodedFrame decoded = CODEC.decode(frame);
        assertThat(decoded).as("decoded %s", frame).isInstanceOf(DecodedFrame.Command.class);
        return (DecodedFrame.Command) decoded;
    }

    static ClientCommand command(String frame) {
        return decodesToCommand(frame).command();
    }

    static DecodedFrame.Invalid decodesToInvalid(String frame) {
        DecodedFrame decoded = CODEC.decode(frame);
        assertThat(decoded).as("decoded %s", shortened(frame)).isInstanceOf(DecodedFrame.Invalid.class);
        DecodedFrame.Invalid invalid = (DecodedFrame.Invalid) decoded;
        assertThat(invalid.reply().status()).isEqualTo(Status.BAD_REQUEST);
        assertThat(invalid.reply().payload()).isEmpty();
        return invalid;
    }

    /** The 400 body the frame earns. */
    static String rejection(String frame) {
        Reply reply = decodesToInvalid(frame).reply();
        return reply.body();
    }

    private static String shortened(String frame) {
        return frame == null || frame.length() <= 200 ? frame : frame.substring(0, 200) + "...";
    }
}
