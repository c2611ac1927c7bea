package io.roomchat.auth.jwt;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.Key;
import java.util.List;
import javax.crypto.SecretKey;

/** HS256 mode: one shared secret signs every token. */
final class SharedSecretKeys implements VerificationKeys {
    private final SecretKey key;

    SharedSecretKeys(SecretKey key) {
        this.key = key;
    }

    @Override
    public List<SecureDigestAlgorithm<?, ?>> algorithms() {
        return List.of(Jwts.SIG.HS256);
    }

    @Override
    public Key keyFor(UnverifiedToken token) {
        return key;
    }
}
