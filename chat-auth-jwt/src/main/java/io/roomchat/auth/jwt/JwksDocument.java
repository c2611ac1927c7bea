package io.roomchat.auth.jwt;

import io.jsonwebtoken.security.AsymmetricJwk;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The signature keys of one fetched JWKS document, by {@code kid}. */
final class JwksDocument {
    private final Map<String, PublicJwk<?>> keysById;

    private JwksDocument(Map<String, PublicJwk<?>> keysById) {
        this.keysById = Map.copyOf(keysById);
    }

    /**
     * Keeps public keys that have a {@code kid} and are not marked for encryption only;
     * secret ({@code oct}) and private keys never become verification keys. jjwt skips
     * key types it does not know, as RFC 7517 §5 asks.
     */
    static JwksDocument parse(String json) {
        JwkSet set = Jwks.setParser().build().parse(json);
        Map<String, PublicJwk<?>> keysById = new HashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            if (jwk instanceof PublicJwk<?> key && key.getId() != null && isForSignatures(key)) {
                keysById.putIfAbsent(key.getId(), key);
            }
        }
        return new JwksDocument(keysById);
    }

    Optional<PublicJwk<?>> key(String keyId) {
        return Optional.ofNullable(keysById.get(keyId));
    }

    private static boolean isForSignatures(AsymmetricJwk<?> key) {
        return key.getPublicKeyUse() == null || "sig".equals(key.getPublicKeyUse());
    }
}
