package io.roomchat.auth.jwt;

import static io.roomchat.auth.jwt.TestTokens.AUDIENCE;
import static io.roomchat.auth.jwt.TestTokens.FIXED_CLOCK;
import static io.roomchat.auth.jwt.TestTokens.ISSUER;
import static io.roomchat.auth.jwt.TestTokens.SECRET;
import static io.roomchat.auth.jwt.TestTokens.aliceToken;
import static io.roomchat.auth.jwt.TestTokens.assertReasonLeaksNothingOf;
import static io.roomchat.auth.jwt.TestTokens.handSigned;
import static io.roomchat.auth.jwt.TestTokens.hmacKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.PublisherVerification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server API's token check: valid as for a connection, and {@code chat:publish} a whole word of {@code scope}. */
class PublisherVerificationTest {
    private final JwtTokenVerifier verifier = JwtTokenVerifier.hs256(SECRET)
            .issuer(ISSUER).audience(AUDIENCE).clock(FIXED_CLOCK).build();

    private static JwtBuilder publisher() {
        return aliceToken().issuer(ISSUER).audience().add(AUDIENCE).and();
    }

    private static String signed(JwtBuilder token) {
        return token.signWith(hmacKey(SECRET), Jwts.SIG.HS256).compact();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat:publish", "openid chat:publish", "chat:publish profile", "a  chat:publish  b"})
    void a_valid_token_whose_scope_has_chat_publish_as_a_word_is_a_publisher_named_by_its_subject(String scope) {
        PublisherVerification verdict = verifier.verifyPublisher(signed(publisher().claim("scope", scope)));

        assertThat(verdict).isEqualTo(new PublisherVerification.Publisher(new UserId("alice")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "chat:read", "chat:publisher", "xchat:publish", "chat:publish,admin",
            "CHAT:PUBLISH", "chat:publish\tadmin"})
    void a_scope_without_the_whole_word_chat_publish_is_not_permitted(String scope) {
        PublisherVerification verdict = verifier.verifyPublisher(signed(publisher().claim("scope", scope)));

        assertThat(verdict).isEqualTo(new PublisherVerification.NotPermitted("scope: the token must grant chat:publish"));
    }

    @Test
    void no_scope_or_a_scope_that_is_not_a_string_is_not_permitted() {
        assertThat(verifier.verifyPublisher(signed(publisher())))
                .isInstanceOf(PublisherVerification.NotPermitted.class);
        assertThat(verifier.verifyPublisher(signed(publisher().claim("scope", List.of("chat:publish")))))
                .isInstanceOf(PublisherVerification.NotPermitted.class);
        assertThat(verifier.verifyPublisher(signed(publisher().claim("scope", 1)))).isInstanceOf(
                PublisherVerification.NotPermitted.class);
    }

    @Test
    void the_same_issuer_audience_expiry_and_signature_rules_as_a_connection_apply_and_refusals_are_401() {
        String foreignIssuer = signed(aliceToken().issuer("https://other.example/").audience().add(AUDIENCE).and()
                .claim("scope", "chat:publish"));
        String wrongAudience = signed(aliceToken().issuer(ISSUER).audience().add("other").and()
                .claim("scope", "chat:publish"));
        String expired = signed(publisher().claim("scope", "chat:publish")
                .expiration(TestTokens.secondsFromNow(-3600)));
        String otherKey = Jwts.builder().subject("alice").issuer(ISSUER).audience().add(AUDIENCE).and()
                .expiration(TestTokens.secondsFromNow(600)).claim("scope", "chat:publish")
                .signWith(hmacKey(SECRET + "-but-another-one"), Jwts.SIG.HS256).compact();
        String noExpiry = handSigned(SECRET, "{\"sub\":\"alice\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE
                + "\",\"scope\":\"chat:publish\"}");

        for (String token : List.of(foreignIssuer, wrongAudience, expired, otherKey, noExpiry, "not a token", "")) {
            PublisherVerification verdict = verifier.verifyPublisher(token);
            assertThat(verdict).as(token).isInstanceOf(PublisherVerification.Unauthenticated.class);
            assertReasonLeaksNothingOf(((PublisherVerification.Unauthenticated) verdict).reason(), token);
        }
    }

    @Test
    void a_scope_issued_by_the_token_issuer_verifies_and_a_connection_token_of_the_same_issuer_does_not() {
        JwtTokenVerifier plain = JwtTokenVerifier.hs256(SECRET).build();
        JwtTokenIssuer tokens = JwtTokenIssuer.hs256(SECRET);

        assertThat(plain.verifyPublisher(tokens.scope("chat:publish").issue("bot", null, Duration.ofMinutes(5))))
                .isEqualTo(new PublisherVerification.Publisher(new UserId("bot")));
        assertThat(plain.verifyPublisher(tokens.issue("bot", null, Duration.ofMinutes(5))))
                .isInstanceOf(PublisherVerification.NotPermitted.class);
    }

    @Test
    void every_configured_authentication_checks_publishers_with_its_own_keys() {
        Authentication auth = Authentication.forFunction(TokenSettings.fromEnvironment(
                java.util.Map.of("CHAT_JWT_SECRET", SECRET)));

        assertThat(auth.publisherVerifier().verifyPublisher(
                JwtTokenIssuer.hs256(SECRET).scope("chat:publish").issue("bot", null, Duration.ofMinutes(5))))
                .isEqualTo(new PublisherVerification.Publisher(new UserId("bot")));
    }
}
