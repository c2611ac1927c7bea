package io.roomchat.auth.jwt;

import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.KeyException;
import io.jsonwebtoken.security.SignatureException;

/**
 * Maps what jjwt throws to a fixed reason. jjwt's own messages quote headers and claims,
 * so they are never passed on.
 */
final class JjwtFailures {
    private JjwtFailures() {
    }

    static RefusalReason reasonFor(RuntimeException failure) {
        if (failure instanceof ExpiredJwtException) {
            return RefusalReason.EXPIRED;
        }
        if (failure instanceof PrematureJwtException) {
            return RefusalReason.NOT_YET_VALID;
        }
        if (failure instanceof SignatureException) {
            return RefusalReason.BAD_SIGNATURE;
        }
        if (failure instanceof KeyException) {
            return RefusalReason.UNUSABLE_KEY;
        }
        if (failure instanceof MalformedJwtException || failure instanceof io.jsonwebtoken.io.IOException) {
            return RefusalReason.MALFORMED;
        }
        if (failure instanceof UnsupportedJwtException) {
            return RefusalReason.UNSUPPORTED;
        }
        return RefusalReason.INVALID;
    }
}
