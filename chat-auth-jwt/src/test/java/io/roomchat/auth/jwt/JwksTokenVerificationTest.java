package io.roomchat.auth.jwt;

import static io.roomchat.auth.jwt.Eventually.eventually;
import static io.roomchat.auth.jwt.TestTokens.AUDIENCE;
import static io.roomchat.auth.jwt.TestTokens.NOW;
import static io.roomchat.auth.jwt.TestTokens.aliceToken;
import static io.roomchat.auth.jwt.TestTokens.assertRefused;
import static io.roomchat.auth.jwt.TestTokens.assertVerifiedAs;
import static io.roomchat.auth.jwt.TestTokens.base64Url;
import static io.roomchat.auth.jwt.TestTokens.handMade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwksTokenVerificationTest {
    static final String ISSUER_A = "https://a.example/";
    private static final String ISSUER_B = "https://b.example/";
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
    static final KeyPair RSA = Jwts.SIG.RS256.keyPair().build();
    private static final KeyPair OTHER_RSA = Jwts.SIG.RS256.keyPair().build();
    private static final KeyPair EC = Jwts.SIG.ES256.keyPair().build();

    private final SettableClock clock = new SettableClock(NOW);
    private JwksServer server;
    private JwtTokenVerifier verifier;

    @BeforeEach
    void startServer() throws Exception {
        server = JwksServer.serving(jwk(RSA, "rsa-1"), jwk(EC, "ec-1"));
        verifier = verifierFor(server.url());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private JwtTokenVerifier verifierFor(URI url) {
        return JwtTokenVerifier.jwks(url).allowHttp(true).clock(clock).minRefetchInterval(REFETCH_INTERVAL)
                .httpTimeout(Eventually.PATIENCE) // a first fetch on a loaded machine may take seconds
                .build();
    }

    static PublicJwk<?> jwk(KeyPair pair, String kid) {
        return Jwks.builder().key(pair.getPublic()).id(kid).build();
    }

    private static String token(String issuer, String kid, PrivateKey key, SecureDigestAlgorithm<PrivateKey, ?> algorithm) {
        return aliceToken().header().keyId(kid).and().issuer(issuer).signWith(key, algorithm).compact();
    }

    static String rs256(String issuer, String kid, KeyPair pair) {
        return token(issuer, kid, pair.getPrivate(), Jwts.SIG.RS256);
    }

    /** An attacker's cheap RS256 token: any kid, any issuer, a signature of random bytes. */
    static String withMadeUpSignature(String kid, String issuer) {
        String claims = "{\"sub\":\"mallory\",\"iss\":\"" + issuer + "\",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}";
        return handMade("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}", claims, base64Url(UUID.randomUUID().toString()));
    }

    @Test
    void acceptsAnRs256TokenByItsKid() {
        assertVerifiedAs(verifier.verify(rs256(ISSUER_A, "rsa-1", RSA)), "alice");
    }

    @Test
    void acceptsAnEs256TokenByItsKid() {
        assertVerifiedAs(verifier.verify(token(ISSUER_A, "ec-1", EC.getPrivate(), Jwts.SIG.ES256)), "alice");
    }

    @Test
    void fetchesTheDocumentOnceForManyTokensWithKnownKeys() {
        for (int i = 0; i < 20; i++) {
            assertVerifiedAs(verifier.verify(rs256(ISSUER_A, "rsa-1", RSA)), "alice");
        }

        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void refusesAnHs256TokenSignedWithThePublishedPublicKeyAsSecretBeforeFetchingAnything() {
        SecretKeySpec publicKeyAsSecret = new SecretKeySpec(RSA.getPublic().getEncoded(), "HmacSHA256");
        String algorithmConfusion = aliceToken().header().keyId("rsa-1").and().signWith(publicKeyAsSecret, Jwts.SIG.HS256).compact();

        assertRefused(verifier.verify(algorithmConfusion), algorithmConfusion, "algorithm not allowed");
        assertThat(server.requests()).isZero();
    }

    @Test
    void refusesATokenWithoutKid() {
        String token = aliceToken().signWith(RSA.getPrivate(), Jwts.SIG.RS256).compact();

        assertRefused(verifier.verify(token), token, "missing key id");
    }

    @Test
    void refusesAKeyWhoseTypeDoesNotMatchTheTokensAlgorithm() {
        String rs256NamingAnEcKey = rs256(ISSUER_A, "ec-1", RSA);
        String es256NamingAnRsaKey = token(ISSUER_A, "rsa-1", EC.getPrivate(), Jwts.SIG.ES256);

        assertRefused(verifier.verify(rs256NamingAnEcKey), rs256NamingAnEcKey, "key does not match algorithm");
        assertRefused(verifier.verify(es256NamingAnRsaKey), es256NamingAnRsaKey, "key does not match algorithm");
    }

    @Test
    void refusesAKeyPublishedForAnotherAlgorithm() throws Exception {
        try (JwksServer restricted = JwksServer.serving(Jwks.builder().key(RSA.getPublic()).id("rsa-1").algorithm("RS512").build())) {
            String token = rs256(ISSUER_A, "rsa-1", RSA);

            assertRefused(verifierFor(restricted.url()).verify(token), token, "key does not match algorithm");
        }
    }

    @Test
    void refusesATokenSignedByAnUnpublishedKeyUnderAKnownKid() {
        String forged = rs256(ISSUER_A, "rsa-1", OTHER_RSA);

        assertRefused(verifier.verify(forged), forged, "bad signature");
    }

    @Test
    void acceptsARotatedKeyAfterOneRefetch() {
        assertVerifiedAs(verifier.verify(rs256(ISSUER_A, "rsa-1", RSA)), "alice");
        server.serve(jwk(RSA, "rsa-1"), jwk(OTHER_RSA, "rsa-2"));
        clock.advance(REFETCH_INTERVAL);

        assertVerifiedAs(verifier.verify(rs256(ISSUER_A, "rsa-2", OTHER_RSA)), "alice");
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void stopsTrustingAKeyThatARefetchNoLongerFinds() {
        assertVerifiedAs(verifier.verify(rs256(ISSUER_A, "rsa-1", RSA)), "alice");
        server.serve(jwk(OTHER_RSA, "rsa-2"));
        clock.advance(REFETCH_INTERVAL);
        assertVerifiedAs(verifier.verify(rs256(ISSUER_A, "rsa-2", OTHER_RSA)), "alice");

        String withdrawn = rs256(ISSUER_A, "rsa-1", RSA);
        assertRefused(verifier.verify(withdrawn), withdrawn, "unknown key");
    }

    @Test
    void aFloodOfUnknownKidsCausesAtMostOneFetchPerInterval() {
        for (int i = 0; i < 200; i++) {
            String madeUp = withMadeUpSignature(UUID.randomUUID().toString(), ISSUER_A);
            assertRefused(verifier.verify(madeUp), madeUp, "unknown key");
        }
        assertThat(server.requests()).isEqualTo(1);

        clock.advance(REFETCH_INTERVAL);
        for (int i = 0; i < 200; i++) {
            verifier.verify(withMadeUpSignature(UUID.randomUUID().toString(), ISSUER_A));
        }
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void aFloodOfMadeUpIssuersCausesAtMostOneFetchPerInterval() {
        for (int i = 0; i < 200; i++) {
            String madeUp = withMadeUpSignature("rsa-1", "https://" + UUID.randomUUID() + ".example/");
            assertRefused(verifier.verify(madeUp), madeUp, "bad signature");
        }

        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void refusesAForeignIssuerWithoutFetchingKeys() {
        JwtTokenVerifier onlyA = JwtTokenVerifier.jwks(server.url()).allowHttp(true).issuer(ISSUER_A).clock(clock).build();
        String fromB = rs256(ISSUER_B, "rsa-1", RSA);

        assertRefused(onlyA.verify(fromB), fromB, "wrong issuer");
        assertThat(server.requests()).isZero();
    }

    @Test
    void checksTheConfiguredAudience() {
        JwtTokenVerifier forChat = JwtTokenVerifier.jwks(server.url()).allowHttp(true).issuer(ISSUER_A).audience(AUDIENCE).clock(clock).build();
        String forOtherApp = aliceToken().header().keyId("rsa-1").and().issuer(ISSUER_A).audience().add("other-app").and()
                .signWith(RSA.getPrivate(), Jwts.SIG.RS256).compact();

        assertRefused(forChat.verify(forOtherApp), forOtherApp, "wrong audience");
    }

    @Test
    void sameKidUnderTwoIssuersIsLookedUpPerIssuerNotByKidAlone() {
        server.serve(jwk(RSA, "shared"));
        assertVerifiedAs(verifier.verify(rs256(ISSUER_A, "shared", RSA)), "alice");

        server.serve(jwk(OTHER_RSA, "shared")); // the same kid now names another key
        clock.advance(REFETCH_INTERVAL);

        // A cache keyed by kid alone would answer B with A's key and refuse this token.
        assertVerifiedAs(verifier.verify(rs256(ISSUER_B, "shared", OTHER_RSA)), "alice");
        assertThat(server.requests()).isEqualTo(2);
        String bSignedWithAsKey = rs256(ISSUER_B, "shared", RSA);
        assertRefused(verifier.verify(bSignedWithAsKey), bSignedWithAsKey, "bad signature");
        String aSignedWithAWithdrawnKey = rs256(ISSUER_A, "shared", RSA);
        assertRefused(verifier.verify(aSignedWithAWithdrawnKey), aSignedWithAWithdrawnKey, "bad signature");
    }

    @Test
    void reReadsAnOldDocumentAndStopsTrustingAWithdrawnKey() {
        String token = rs256(ISSUER_A, "rsa-1", RSA);
        assertVerifiedAs(verifier.verify(token), "alice");
        server.serve(jwk(OTHER_RSA, "rsa-2"));
        clock.advance(JwksKeyCache.MAX_DOCUMENT_AGE);

        assertVerifiedAs(verifier.verify(token), "alice"); // served from the cache while the document is read again
        eventually(() -> assertRefused(verifier.verify(token), token, "unknown key"));
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void keepsServingCachedKeysWhileAnOldDocumentCannotBeReRead() {
        String token = rs256(ISSUER_A, "rsa-1", RSA);
        assertVerifiedAs(verifier.verify(token), "alice");
        server.answerWith(503, "down for maintenance");
        clock.advance(JwksKeyCache.MAX_DOCUMENT_AGE);

        assertVerifiedAs(verifier.verify(token), "alice");
        eventually(() -> assertThat(server.requests()).isEqualTo(2));
        assertVerifiedAs(verifier.verify(token), "alice");
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void refusesWithKeysUnavailableWhenTheJwksServerIsDown() {
        URI url = server.url();
        server.close();
        JwtTokenVerifier cutOff = verifierFor(url);
        String token = rs256(ISSUER_A, "rsa-1", RSA);

        assertRefused(cutOff.verify(token), token, "keys unavailable");
    }

    @Test
    void refusesWithKeysUnavailableOnAnErrorAnswerAndRetriesOnlyAfterTheInterval() {
        server.answerWith(503, "down for maintenance");
        String token = rs256(ISSUER_A, "rsa-1", RSA);
        for (int i = 0; i < 50; i++) {
            assertRefused(verifier.verify(token), token, "keys unavailable");
        }
        assertThat(server.requests()).isEqualTo(1);

        server.serve(jwk(RSA, "rsa-1"));
        clock.advance(REFETCH_INTERVAL);
        assertVerifiedAs(verifier.verify(token), "alice");
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void refusesWithKeysUnavailableWhenTheDocumentIsNotAJwks() {
        server.answerWith(200, "<html>not json</html>");
        String token = rs256(ISSUER_A, "rsa-1", RSA);

        assertRefused(verifier.verify(token), token, "keys unavailable");
    }

    @Test
    void refusesWithKeysUnavailableWhenTheJwksServerIsTooSlow() {
        server.delayAnswersBy(Duration.ofSeconds(2));
        JwtTokenVerifier impatient = JwtTokenVerifier.jwks(server.url()).allowHttp(true).clock(clock).httpTimeout(Duration.ofMillis(200)).build();
        String token = rs256(ISSUER_A, "rsa-1", RSA);

        assertRefused(impatient.verify(token), token, "keys unavailable");
    }

    @Test
    void neverUsesASecretKeyPublishedInTheJwks() throws Exception {
        byte[] secret = new byte[32];
        String octJwks = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"oct-1\",\"k\":\""
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\"}]}";
        server.answerWith(200, octJwks);
        String token = aliceToken().header().keyId("oct-1").and().signWith(new SecretKeySpec(secret, "HmacSHA256"), Jwts.SIG.HS256).compact();

        assertRefused(verifier.verify(token), token, "algorithm not allowed");
    }

    @Test
    void refusesWithKeysUnavailableWhenTheDocumentIsLargerThanTheCap() {
        String padded = JwksServer.document(jwk(RSA, "rsa-1")) + " ".repeat(HttpJwksSource.MAX_DOCUMENT_BYTES);
        server.answerWith(200, padded);
        String token = rs256(ISSUER_A, "rsa-1", RSA);

        assertRefused(verifier.verify(token), token, "keys unavailable");
    }

    @Test
    void refusesAPlainHttpJwksUrlUnlessAllowedOnPurpose() {
        assertThatThrownBy(() -> JwtTokenVerifier.jwks(server.url()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be https")
                .hasMessageContaining("CHAT_JWKS_ALLOW_HTTP");
        assertThatThrownBy(() -> JwtTokenVerifier.jwks(server.url()).allowHttp(false).build())
                .isInstanceOf(IllegalArgumentException.class);

        assertVerifiedAs(JwtTokenVerifier.jwks(server.url()).allowHttp(true).clock(clock).build()
                .verify(rs256(ISSUER_A, "rsa-1", RSA)), "alice");
        assertThat(JwtTokenVerifier.jwks(URI.create("https://id.example/.well-known/jwks.json")).build()).isNotNull();
    }

    @Test
    void refusesAJwksUrlThatIsNotHttp() {
        assertThatThrownBy(() -> JwtTokenVerifier.jwks(URI.create("file:///etc/jwks.json")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
