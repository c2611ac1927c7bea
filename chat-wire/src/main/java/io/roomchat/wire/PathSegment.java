package io.roomchat.wire;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One segment of a raw (still percent-encoded) URL path, decoded strictly: {@code %XX} escapes of UTF-8 bytes,
 * {@code +} kept as it is (it means a space only in a query). A bad escape or bytes that are not UTF-8 are empty.
 */
final class PathSegment {
    private PathSegment() {
    }

    static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                if (c > 0x7f) {
                    return Optional.empty(); // a raw path is ASCII; anything else was not encoded as a URL
                }
                bytes.write(c);
                continue;
            }
            if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1))
                    || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                return Optional.empty();
            }
            bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
            i += 2;
        }
        return StrictUtf8.decode(bytes.toByteArray());
    }
}
