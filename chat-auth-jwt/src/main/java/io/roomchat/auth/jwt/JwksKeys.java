package io.roomchat.auth.jwt;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.PublicJwk;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * JWKS mode: RS256 or ES256 tokens, each verified with the published key its {@code kid}
 * names. A key is used only for the algorithm its type serves, so a token cannot pick
 * how a key is interpreted.
 */
final class JwksKeys implements VerificationKeys {
    private static final String RS256 = Jwts.SIG.RS256.getId();
    private static final String ES256 = Jwts.SIG.ES256.getId();
    private static final int P256_FIELD_BITS = 256;

    private final JwksKeyCache cache;

    JwksKeys(JwksKeyCache cache) {
        this.cache = cache;
    }

    @Override
    public List<SecureDigestAlgorithm<?, ?>> algorithms() {
        return List.of(Jwts.SIG.RS256, Jwts.SIG.ES256);
    }

    @Override
    public Key keyFor(UnverifiedToken token) {
        if (token.keyId() == null) {
            throw new TokenRefused(RefusalReason.MISSING_KEY_ID);
        }
        String issuer = token.issuer() == null ? "" : token.issuer();
        PublicJwk<?> jwk = cache.find(new IssuerKeyId(issuer, token.keyId()));
        if (!servesAlgorithm(jwk, token.algorithm())) {
            throw new TokenRefused(RefusalReason.KEY_DOES_NOT_MATCH_ALGORITHM);
        }
        return jwk.toKey();
    }

    private static boolean servesAlgorithm(PublicJwk<?> jwk, String algorithm) {
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(algorithm)) {
            return false;
        }
        PublicKey key = jwk.toKey();
        if (RS256.equals(algorithm)) {
            return key instanceof RSAPublicKey;
        }
        if (ES256.equals(algorithm)) {
            return key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == P256_FIELD_BITS;
        }
        return false;
    }
}
