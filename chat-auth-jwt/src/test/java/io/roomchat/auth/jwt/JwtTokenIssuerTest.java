package io.roomchat.auth.jwt;

import static io.roomchat.auth.jwt.TestTokens.AUDIENCE;
import static io.roomchat.auth.jwt.TestTokens.FIXED_CLOCK;
import static io.roomchat.auth.jwt.TestTokens.ISSUER;
import static io.roomchat.auth.jwt.TestTokens.NOW;
import static io.roomchat.auth.jwt.TestTokens.SECRET;
import static io.roomchat.auth.jwt.TestTokens.assertRefused;
import static io.roomchat.auth.jwt.TestTokens.assertVerifiedAs;
import static io.roomchat.auth.jwt.TestTokens.hmacKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class JwtTokenIssuerTest {
    private static final Duration TTL = Duration.ofHours(1);

    private final JwtTokenIssuer issuer = JwtTokenIssuer.hs256(SECRET).clock(FIXED_CLOCK);

    @Test
    void issuesAnHs256TokenWithSubNameIatAndExp() {
        Jws<Claims> token = Jwts.parser().verifyWith(hmacKey(SECRET)).clock(() -> Date.from(NOW)).build()
                .parseSignedClaims(issuer.issue("alice", "Alice", TTL));

        assertThat(token.getHeader().getAlgorithm()).isEqualTo("HS256");
        assertThat(token.getPayload().getSubject()).isEqualTo("alice");
        assertThat(token.getPayload().get("name", String.class)).isEqualTo("Alice");
        assertThat(token.getPayload().getIssuedAt().toInstant()).isEqualTo(NOW);
        assertThat(token.getPayload().getExpiration().toInstant()).isEqualTo(NOW.plus(TTL));
        assertThat(token.getPayload().getIssuer()).isNull();
    }

    @Test
    void itsTokensPassTheVerifierWithTheSameSecretIssuerAndAudience() {
        JwtTokenVerifier verifier = JwtTokenVerifier.hs256(SECRET).issuer(ISSUER).audience(AUDIENCE).clock(FIXED_CLOCK).build();

        assertVerifiedAs(verifier.verify(issuer.issuer(ISSUER).audience(AUDIENCE).issue("alice", "Alice", TTL)), "alice");
    }

    @Test
    void itsTokensExpireAfterTheTtl() {
        Clock afterExpiry = Clock.fixed(NOW.plus(TTL).plusSeconds(61), ZoneOffset.UTC);
        JwtTokenVerifier verifier = JwtTokenVerifier.hs256(SECRET).clock(afterExpiry).build();
        String token = issuer.issue("alice", null, TTL);

        assertRefused(verifier.verify(token), token, "expired");
    }

    @Test
    void randomSecretsAre256BitsOfUrlSafeTextAndNeverRepeat() {
        String first = JwtTokenIssuer.randomSecret();
        String second = JwtTokenIssuer.randomSecret();

        assertThat(first).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second);
        String token = JwtTokenIssuer.hs256(first).issue("alice", "Alice", TTL);
        assertVerifiedAs(JwtTokenVerifier.hs256(first).build().verify(token), "alice");
    }

    @Test
    void refusesASecretShorterThan256Bits() {
        assertThatThrownBy(() -> JwtTokenIssuer.hs256("too-short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnInvalidUserIdOrANonPositiveTtl() {
        assertThatThrownBy(() -> issuer.issue(" ", "Blank", TTL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> issuer.issue("alice", "Alice", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
