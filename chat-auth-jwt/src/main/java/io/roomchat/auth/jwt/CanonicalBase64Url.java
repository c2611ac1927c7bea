package io.roomchat.auth.jwt;

import java.util.Base64;

/**
 * The one spelling RFC 7515 gives a token segment: base64url, no padding, no line breaks, unused bits zero.
 * Decoders forgive the rest (a signature ending in a character with unused bits set decodes to the same bytes),
 * which would give one signed token several accepted spellings.
 */
final class CanonicalBase64Url {
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private CanonicalBase64Url() {
    }

    /** The segment's bytes; {@link TokenRefused} as malformed unless encoding them again gives the segment back. */
    static byte[] decode(String segment) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(segment);
        } catch (IllegalArgumentException notBase64Url) {
            throw new TokenRefused(RefusalReason.MALFORMED);
        }
        if (!ENCODER.encodeToString(bytes).equals(segment)) {
            throw new TokenRefused(RefusalReason.MALFORMED);
        }
        return bytes;
    }
}
