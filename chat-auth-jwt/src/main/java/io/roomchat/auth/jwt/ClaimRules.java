package io.roomchat.auth.jwt;

import io.jsonwebtoken.Claims;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.UserId;
import java.util.Optional;
import java.util.Set;

/**
 * The claim rules of docs/protocol.md (Connecting) that jjwt does not enforce by itself: {@code exp} and
 * {@code sub} required, issuer and audience when configured; and the access grants the identity carries.
 *
 * @param issuer   the required {@code iss}, null when not checked
 * @param audience a required member of {@code aud}, null when not checked
 * @param grants   reads the access claims
 */
record ClaimRules(String issuer, String audience, GrantsReader grants) {

    /** Also called before verification, so a foreign issuer's token never causes a key fetch. */
    void checkIssuer(String tokenIssuer) {
        if (issuer == null) {
            return;
        }
        if (tokenIssuer == null) {
            throw new TokenRefused(RefusalReason.MISSING_ISSUER);
        }
        if (!issuer.equals(tokenIssuer)) {
            throw new TokenRefused(RefusalReason.WRONG_ISSUER);
        }
    }

    Identity identityOf(Claims verified) {
        checkIssuer(verified.getIssuer());
        checkAudience(verified.getAudience());
        if (verified.getExpiration() == null) {
            throw new TokenRefused(RefusalReason.MISSING_EXPIRY);
        }
        return new Identity(userId(verified.getSubject()), Optional.of(verified.getExpiration().toInstant()),
                grants.grantsOf(verified));
    }

    private void checkAudience(Set<String> tokenAudience) {
        if (audience == null) {
            return;
        }
        if (tokenAudience == null || tokenAudience.isEmpty()) {
            throw new TokenRefused(RefusalReason.MISSING_AUDIENCE);
        }
        if (!tokenAudience.contains(audience)) {
            throw new TokenRefused(RefusalReason.WRONG_AUDIENCE);
        }
    }

    private static UserId userId(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new TokenRefused(RefusalReason.MISSING_SUBJECT);
        }
        try {
            return new UserId(subject);
        } catch (IllegalArgumentException notAUserId) {
            throw new TokenRefused(RefusalReason.INVALID_SUBJECT);
        }
    }
}
