package io.roomchat.bench;

import java.nio.ByteBuffer;

/**
 * A frame's UTF-8 bytes seen as characters, one per byte, without decoding them: the benchmark reads only ASCII keys
 * and digits out of the server's frames, and those are the same bytes in UTF-8 (any other byte reads as a char of
 * 0x80 or more, which matches none of them). This spares the receiver a String per delivery.
 */
final class FrameChars implements CharSequence {
    private final ByteBuffer bytes;
    private final int start;
    private final int length;

    /** A view of {@code bytes} from its position to its limit; the buffer must not change while it is read. */
    FrameChars(ByteBuffer bytes) {
        this(bytes, bytes.position(), bytes.remaining());
    }

    private FrameChars(ByteBuffer bytes, int start, int length) {
        this.bytes = bytes;
        this.start = start;
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (bytes.get(start + index) & 0xff);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + length);
        }
        return new FrameChars(bytes, start + from, to - from);
    }

    @Override
    public String toString() {
        byte[] copy = new byte[length];
        bytes.get(start, copy);
        return new String(copy, java.nio.charset.StandardCharsets.UTF_8);
    }
}
