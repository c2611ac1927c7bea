package io.roomchat.wire;

/**
 * Why a frame cannot become a command: the 400 body, naming the field. It only carries a rejection from deep in
 * the field readers up to {@link FrameDecoder}, which turns it into a {@link DecodedFrame.Invalid} value; it never
 * leaves the codec. Rejections are routine, so it skips the stack trace.
 */
final class FrameRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FrameRejected(String body) {
        super(body, null, false, false);
    }

    String body() {
        return getMessage();
    }
}
