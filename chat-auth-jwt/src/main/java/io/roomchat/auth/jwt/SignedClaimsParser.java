package io.roomchat.auth.jwt;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

/** Verifies a signed token with one known key through jjwt: signature, then {@code exp}/{@code nbf} with skew. */
final class SignedClaimsParser {
    private final List<SecureDigestAlgorithm<?, ?>> algorithms;
    private final Clock clock;
    private final long clockSkewSeconds;

    SignedClaimsParser(List<SecureDigestAlgorithm<?, ?>> algorithms, Clock clock, Duration clockSkew) {
        this.algorithms = List.copyOf(algorithms);
        this.clock = clock;
        this.clockSkewSeconds = clockSkew.toSeconds();
    }

    /** Throws jjwt's exceptions; parseSignedClaims refuses anything but a signed JWT with JSON claims. */
    Claims parse(String token, Key key) {
        return Jwts.parser()
                .sig().clear().add(algorithms).and() // second lock behind the header check: only the mode's algorithms
                .keyLocator(header -> key)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(clockSkewSeconds)
                .build()
                .parseSignedClaims(token)
                .getPayload();
    }
}
