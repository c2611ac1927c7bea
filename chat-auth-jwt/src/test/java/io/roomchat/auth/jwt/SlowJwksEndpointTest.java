package io.roomchat.auth.jwt;

import static io.roomchat.auth.jwt.Eventually.PATIENCE;
import static io.roomchat.auth.jwt.Eventually.eventually;
import static io.roomchat.auth.jwt.JwksTokenVerificationTest.ISSUER_A;
import static io.roomchat.auth.jwt.JwksTokenVerificationTest.RSA;
import static io.roomchat.auth.jwt.JwksTokenVerificationTest.jwk;
import static io.roomchat.auth.jwt.JwksTokenVerificationTest.rs256;
import static io.roomchat.auth.jwt.JwksTokenVerificationTest.withMadeUpSignature;
import static io.roomchat.auth.jwt.TestTokens.NOW;
import static io.roomchat.auth.jwt.TestTokens.assertRefused;
import static io.roomchat.auth.jwt.TestTokens.assertVerifiedAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.port.out.TokenVerification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A JWKS endpoint that sends its headers and then trickles its body (the review's probe) costs one bounded fetch,
 * and holds up neither tokens whose key is cached nor, beyond a short wait, other tokens with unknown keys.
 * Verifications run on their own threads, so that one that would hang fails the test instead of hanging it.
 */
class SlowJwksEndpointTest {
    /** Longer than every test: a fetch given this deadline stays in flight until the test releases the server. */
    private static final Duration NO_DEADLINE_IN_SIGHT = Duration.ofMinutes(5);
    private static final String CACHED_KID = rs256(ISSUER_A, "rsa-1", RSA);

    private final SettableClock clock = new SettableClock(NOW);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private JwksServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = JwksServer.serving(jwk(RSA, "rsa-1"));
    }

    @AfterEach
    void stopServer() {
        server.close();
        callers.shutdownNow();
    }

    private JwtTokenVerifier verifierWithFetchDeadline(Duration deadline) {
        return JwtTokenVerifier.jwks(server.url()).allowHttp(true).clock(clock).httpTimeout(deadline).build();
    }

    /** A verifier that has cached rsa-1 from a document now due to be read again, from an endpoint that now trickles. */
    private JwtTokenVerifier cachedThenTrickling(Duration fetchDeadline) {
        JwtTokenVerifier verifier = verifierWithFetchDeadline(fetchDeadline);
        assertVerifiedAs(verifier.verify(CACHED_KID), "alice");
        server.trickle(); // headers at once, then a byte every 50 ms, the document only once released
        clock.advance(JwksKeyCache.MAX_DOCUMENT_AGE);
        return verifier;
    }

    private Future<TokenVerification> verifyElsewhere(JwtTokenVerifier verifier, String token) {
        return callers.submit(() -> verifier.verify(token));
    }

    private static TokenVerification answer(Future<TokenVerification> verification) throws Exception {
        return verification.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void aFetchWhoseBodyTricklesGivesUpAtItsDeadlineAndHangsUp() throws Exception {
        // A first fetch warms the JVM's HTTP client and JWKS parsing, so that the deadline below is ample for the
        // headers even on a loaded machine, and what it cuts off is the body.
        assertVerifiedAs(verifierWithFetchDeadline(NO_DEADLINE_IN_SIGHT).verify(CACHED_KID), "alice");
        JwtTokenVerifier verifier = verifierWithFetchDeadline(Duration.ofSeconds(3));
        server.trickle();

        assertRefused(answer(verifyElsewhere(verifier, CACHED_KID)), CACHED_KID, "keys unavailable");
        assertThat(server.requests()).isEqualTo(2);
        eventually(() -> assertThat(server.answersInProgress()).as("the server sees the client hang up").isZero());
    }

    @Test
    void aTokenWithACachedKidVerifiesWhileASlowFetchIsInFlight() throws Exception {
        JwtTokenVerifier verifier = cachedThenTrickling(NO_DEADLINE_IN_SIGHT);

        verifyElsewhere(verifier, withMadeUpSignature("a-new-kid", ISSUER_A));
        eventually(() -> assertThat(server.answersInProgress()).isEqualTo(1));

        assertVerifiedAs(answer(verifyElsewhere(verifier, CACHED_KID)), "alice");
        assertThat(server.answersInProgress()).as("the slow fetch is still in flight").isEqualTo(1);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void aTokenWithACachedKidWhoseDocumentIsOldVerifiesAtOnceAndTheDocumentIsReadAgainBehindIt() throws Exception {
        JwtTokenVerifier verifier = cachedThenTrickling(NO_DEADLINE_IN_SIGHT);

        assertVerifiedAs(answer(verifyElsewhere(verifier, CACHED_KID)), "alice");
        eventually(() -> assertThat(server.answersInProgress()).isEqualTo(1));
        assertVerifiedAs(answer(verifyElsewhere(verifier, CACHED_KID)), "alice");
        assertThat(server.requests()).as("one re-read in flight, not one per token").isEqualTo(2);
    }

    @Test
    void concurrentUnknownKidsCauseOneFetchAndOnlyTheCallerThatStartedItWaitsForIt() throws Exception {
        JwtTokenVerifier verifier = verifierWithFetchDeadline(NO_DEADLINE_IN_SIGHT);
        server.trickle();
        int tokens = 20;
        List<Future<TokenVerification>> verifications = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            verifications.add(verifyElsewhere(verifier, withMadeUpSignature(UUID.randomUUID().toString(), ISSUER_A)));
        }

        eventually(() -> assertThat(verifications.stream().filter(Future::isDone).count()).isEqualTo(tokens - 1L));
        assertThat(server.requests()).isEqualTo(1);
        assertThat(server.answersInProgress()).as("answered while the fetch is still in flight").isEqualTo(1);
        for (Future<TokenVerification> verification : verifications) {
            if (verification.isDone()) {
                assertThat(answer(verification)).isEqualTo(new TokenVerification.Refused("keys unavailable"));
            }
        }

        server.release();
        Future<TokenVerification> starter = verifications.stream().filter(verification -> !verification.isDone())
                .findFirst().orElseThrow();
        assertThat(answer(starter)).as("the fetched document has no such kid")
                .isEqualTo(new TokenVerification.Refused("unknown key"));
        assertThat(server.requests()).isEqualTo(1);
        assertThat(server.mostAnswersAtOnce()).isEqualTo(1);
    }
}
