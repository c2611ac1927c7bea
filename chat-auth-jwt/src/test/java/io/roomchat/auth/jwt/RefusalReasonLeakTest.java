package io.roomchat.auth.jwt;

import static io.roomchat.auth.jwt.TestTokens.FIXED_CLOCK;
import static io.roomchat.auth.jwt.TestTokens.assertReasonLeaksNothingOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.core.port.out.TokenVerifier;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the token and whatever the mode, a refusal says why in fixed words and never quotes the token. */
class RefusalReasonLeakTest {
    private static final List<String> FIXED_REASONS = Arrays.stream(RefusalReason.values()).map(RefusalReason::text).toList();

    private static final TokenVerifier HS256 = JwtTokenVerifier.hs256("an-unrelated-secret-of-at-least-32-bytes").clock(FIXED_CLOCK).build();
    /** Nothing listens on port 9 of the loopback: every fetch fails, fast. */
    private static final TokenVerifier JWKS_UNREACHABLE = JwtTokenVerifier.jwks(URI.create("http://127.0.0.1:9/jwks.json"))
            .allowHttp(true).clock(FIXED_CLOCK).build();

    @ParameterizedTest(name = "{0}")
    @MethodSource({"io.roomchat.auth.jwt.Hs256TokenVerificationTest#refusedTokens", "moreRefusedTokens"})
    void theRefusalReasonNeverContainsTheToken(String what, String token) {
        for (TokenVerifier verifier : List.of(HS256, JWKS_UNREACHABLE)) {
            TokenVerification verification = verifier.verify(token);

            assertThat(verification).isInstanceOf(TokenVerification.Refused.class);
            String reason = ((TokenVerification.Refused) verification).reason();
            assertThat(reason).isIn(FIXED_REASONS);
            assertReasonLeaksNothingOf(reason, token);
        }
    }

    static List<Object[]> moreRefusedTokens() {
        String rs256WithKid = TestTokens.aliceToken().header().keyId("kid-1").and()
                .signWith(Jwts.SIG.RS256.keyPair().build().getPrivate(), Jwts.SIG.RS256).compact();
        return List.of(
                new Object[] {"an RS256 token whose keys cannot be fetched", rs256WithKid},
                new Object[] {"a token that is only a header", TestTokens.base64Url("{\"alg\":\"HS256\",\"kid\":\"a\"}")});
    }
}
