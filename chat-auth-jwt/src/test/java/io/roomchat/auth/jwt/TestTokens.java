package io.roomchat.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.roomchat.core.port.out.TokenVerification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Real signed tokens for the tests, all relative to one fixed instant. */
final class TestTokens {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final Clock FIXED_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes";
    static final String ISSUER = "https://issuer.example/";
    static final String AUDIENCE = "roomchat";

    private TestTokens() {
    }

    /** Issued a minute ago, valid ten more minutes, for user "alice"; add or override claims, then sign. */
    static JwtBuilder aliceToken() {
        return Jwts.builder().subject("alice").issuedAt(secondsFromNow(-60)).expiration(secondsFromNow(600));
    }

    static Date secondsFromNow(long seconds) {
        return Date.from(NOW.plusSeconds(seconds));
    }

    static SecretKey hmacKey(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A token put together by hand, for what jjwt's builder refuses to make. */
    static String handMade(String headerJson, String payloadJson, String signature) {
        return base64Url(headerJson) + "." + base64Url(payloadJson) + "." + signature;
    }

    /** A hand-made token with a real HS256 signature, for claims jjwt's builder would rewrite. */
    static String handSigned(String secret, String payloadJson) {
        String signingInput = base64Url("{\"alg\":\"HS256\"}") + "." + base64Url(payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey(secret));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertVerifiedAs(TokenVerification verification, String userId) {
        assertThat(verification).isInstanceOf(TokenVerification.Verified.class);
        assertThat(((TokenVerification.Verified) verification).identity().userId().value()).isEqualTo(userId);
    }

    /** Checks the reason, and that it carries neither the token nor any sizeable part of it. */
    static void assertRefused(TokenVerification verification, String token, String reason) {
        assertThat(verification).isInstanceOf(TokenVerification.Refused.class);
        String actual = ((TokenVerification.Refused) verification).reason();
        assertThat(actual).isEqualTo(reason);
        assertReasonLeaksNothingOf(actual, token);
    }

    static void assertReasonLeaksNothingOf(String reason, String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        assertThat(reason).doesNotContain(token);
        for (String segment : token.split("\\.")) {
            if (segment.length() >= 8) {
                assertThat(reason).doesNotContain(segment);
            }
        }
    }
}
