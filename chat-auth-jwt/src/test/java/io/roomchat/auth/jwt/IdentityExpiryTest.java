package io.roomchat.auth.jwt;

import static io.roomchat.auth.jwt.TestTokens.FIXED_CLOCK;
import static io.roomchat.auth.jwt.TestTokens.NOW;
import static io.roomchat.auth.jwt.TestTokens.SECRET;
import static io.roomchat.auth.jwt.TestTokens.aliceToken;
import static io.roomchat.auth.jwt.TestTokens.hmacKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.roomchat.core.port.out.TokenVerification;
import org.junit.jupiter.api.Test;

/** The token's {@code exp} reaches the identity, so that a socket can be closed when it passes. */
class IdentityExpiryTest {

    @Test
    void the_verified_identity_carries_the_tokens_exp() {
        String token = aliceToken().signWith(hmacKey(SECRET), Jwts.SIG.HS256).compact();

        TokenVerification verdict = JwtTokenVerifier.hs256(SECRET).clock(FIXED_CLOCK).build().verify(token);

        assertThat(verdict).isInstanceOf(TokenVerification.Verified.class);
        assertThat(((TokenVerification.Verified) verdict).identity().expiresAt()).contains(NOW.plusSeconds(600));
    }
}
