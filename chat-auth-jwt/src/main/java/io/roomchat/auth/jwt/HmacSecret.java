package io.roomchat.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 key of a shared secret: its UTF-8 bytes, as most JWT libraries take it (docs/protocol.md, Connecting). Only the length can
 * be checked; a long secret that is a word or a phrase can still be guessed offline from one token, so the
 * refusal says it must be random.
 */
final class HmacSecret {
    static final int MIN_BYTES = 32;

    private HmacSecret() {
    }

    static SecretKey hs256Key(String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("The JWT secret must be at least 256 bits (" + MIN_BYTES
                    + " bytes of UTF-8) of random data, such as the output of `openssl rand -base64 48`; this one has "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
