package io.roomchat.auth.jwt;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.port.out.PublisherVerification;
import io.roomchat.core.port.out.PublisherVerifier;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.core.port.out.TokenVerifier;
import java.net.URI;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Verifies JWT access tokens (docs/protocol.md, Identity) with a shared HS256 secret or with RS256/ES256 keys
 * from a JWKS URL. Every verdict is a value: refusals carry a short fixed reason, never
 * any part of the token, and nothing here logs a token.
 *
 * <pre>{@code
 * TokenVerifier verifier = JwtTokenVerifier.jwks(URI.create("https://tenant.example/.well-known/jwks.json"))
 *         .issuer("https://tenant.example/")
 *         .audience("chat")
 *         .build();
 * }</pre>
 */
public final class JwtTokenVerifier implements TokenVerifier, PublisherVerifier {
    private static final String HTTPS = "https";
    private static final String HTTP = "http";

    private final JsonObjects json;
    private final VerificationKeys keys;
    private final SignedClaimsParser parser;
    private final ClaimRules rules;

    private JwtTokenVerifier(JsonObjects json, VerificationKeys keys, SignedClaimsParser parser, ClaimRules rules) {
        this.json = json;
        this.keys = keys;
        this.parser = parser;
        this.rules = rules;
    }

    /** HS256 mode: the key is the secret's UTF-8 bytes; {@link Builder#build()} refuses a secret under 32 bytes. */
    public static Builder hs256(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new Builder(builder -> new SharedSecretKeys(HmacSecret.hs256Key(secret)), false);
    }

    /**
     * JWKS mode: RS256 and ES256 tokens, keys fetched from {@code jwksUrl} and chosen by {@code kid}. The URL must
     * be https; {@link Builder#build()} refuses plain http unless {@link Builder#allowHttp(boolean)} allows it.
     */
    public static Builder jwks(URI jwksUrl) {
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        if (!HTTPS.equalsIgnoreCase(jwksUrl.getScheme()) && !HTTP.equalsIgnoreCase(jwksUrl.getScheme())) {
            throw new IllegalArgumentException("The JWKS URL must be https");
        }
        return new Builder(builder -> {
            if (HTTP.equalsIgnoreCase(jwksUrl.getScheme()) && !builder.allowHttp) {
                // Keys fetched in the clear can be swapped on the way, and then any token verifies.
                throw new IllegalArgumentException("The JWKS URL must be https; plain http is allowed only on purpose, "
                        + "for a test on loopback (CHAT_JWKS_ALLOW_HTTP=true, or allowHttp(true) on the builder)");
            }
            return new JwksKeys(new JwksKeyCache(
                    new HttpJwksSource(jwksUrl, builder.httpTimeout), builder.clock, builder.minRefetchInterval));
        }, true);
    }

    @Override
    public TokenVerification verify(String token) {
        try {
            return new TokenVerification.Verified(rules.identityOf(verifiedClaims(token)));
        } catch (TokenRefused refusal) {
            return new TokenVerification.Refused(refusal.reason().text());
        } catch (RuntimeException failure) { // whatever jjwt or a bad key throws is a refusal, never an escape
            return new TokenVerification.Refused(JjwtFailures.reasonFor(failure).text());
        }
    }

    /**
     * The server API's check: a token valid as for a connection whose {@code scope} grants
     * {@value PublishScope#PUBLISH}; its subject is the author.
     */
    @Override
    public PublisherVerification verifyPublisher(String token) {
        try {
            Claims verified = verifiedClaims(token);
            Identity identity = rules.identityOf(verified);
            if (!PublishScope.grants(verified.get(PublishScope.CLAIM))) {
                return new PublisherVerification.NotPermitted(PublishScope.MISSING);
            }
            return new PublisherVerification.Publisher(identity.userId());
        } catch (TokenRefused refusal) {
            return new PublisherVerification.Unauthenticated(refusal.reason().text());
        } catch (RuntimeException failure) {
            return new PublisherVerification.Unauthenticated(JjwtFailures.reasonFor(failure).text());
        }
    }

    private Claims verifiedClaims(String token) {
        UnverifiedToken unverified = UnverifiedToken.read(token, json);
        if (keys.algorithms().stream().map(SecureDigestAlgorithm::getId).noneMatch(unverified.algorithm()::equals)) {
            throw new TokenRefused(RefusalReason.ALGORITHM_NOT_ALLOWED);
        }
        rules.checkIssuer(unverified.issuer());
        Key key = keys.keyFor(unverified);
        Claims verified = parser.parse(token, key);
        if (!Objects.equals(verified.getIssuer(), unverified.issuer())) { // the key was chosen by the unverified iss
            throw new TokenRefused(RefusalReason.MALFORMED);
        }
        return verified;
    }

    /** Options of both modes; {@link #minRefetchInterval}, {@link #httpTimeout} and {@link #allowHttp} apply to JWKS mode only. */
    public static final class Builder {
        private final KeysFactory keysFactory;
        private final boolean jwksMode;
        private String issuer;
        private String audience;
        private Duration clockSkew = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private Duration minRefetchInterval = Duration.ofSeconds(30);
        private Duration httpTimeout = Duration.ofSeconds(5);
        private boolean allowHttp;
        private AccessClaims accessClaims = AccessClaims.DEFAULT;

        private Builder(KeysFactory keysFactory, boolean jwksMode) {
            this.keysFactory = keysFactory;
            this.jwksMode = jwksMode;
        }

        /** Tokens must carry exactly this {@code iss}. */
        public Builder issuer(String issuer) {
            this.issuer = requireText(issuer, "issuer");
            return this;
        }

        /** Tokens' {@code aud} must contain this value. */
        public Builder audience(String audience) {
            this.audience = requireText(audience, "audience");
            return this;
        }

        /** The names of the claims carrying the rooms and moderator grants ({@code rooms} and {@code mod} by default). */
        public Builder accessClaims(AccessClaims names) {
            this.accessClaims = Objects.requireNonNull(names, "names");
            return this;
        }

        /** Tolerance on {@code exp} and {@code nbf}, in whole seconds; 60 s by default. */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = requireNotNegative(clockSkew, "clockSkew");
            return this;
        }

        /** The clock tokens' times are checked against (and, in JWKS mode, refetches are spaced by). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** JWKS mode: the shortest time between two fetches caused by unknown keys; 30 s by default. */
        public Builder minRefetchInterval(Duration minRefetchInterval) {
            requireJwksMode("minRefetchInterval");
            this.minRefetchInterval = requireNotNegative(minRefetchInterval, "minRefetchInterval");
            return this;
        }

        /**
         * JWKS mode: the deadline of one whole fetch (connecting, the headers and the body); 5 s by default. The
         * token that started a fetch waits for it at most this long; other tokens with unknown keys wait far less.
         */
        public Builder httpTimeout(Duration httpTimeout) {
            requireJwksMode("httpTimeout");
            Objects.requireNonNull(httpTimeout, "httpTimeout");
            if (httpTimeout.isZero() || httpTimeout.isNegative()) {
                throw new IllegalArgumentException("httpTimeout must be positive");
            }
            this.httpTimeout = httpTimeout;
            return this;
        }

        /** JWKS mode: accept a plain {@code http://} JWKS URL (for a test server on loopback); off by default. */
        public Builder allowHttp(boolean allowHttp) {
            requireJwksMode("allowHttp");
            this.allowHttp = allowHttp;
            return this;
        }

        public JwtTokenVerifier build() {
            VerificationKeys keys = keysFactory.create(this);
            return new JwtTokenVerifier(JsonObjects.load(), keys,
                    new SignedClaimsParser(keys.algorithms(), clock, clockSkew), new ClaimRules(issuer, audience, new GrantsReader(accessClaims)));
        }

        private void requireJwksMode(String option) {
            if (!jwksMode) {
                throw new IllegalStateException(option + " applies to JWKS mode only");
            }
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        private static Duration requireNotNegative(Duration value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative");
            }
            return value;
        }
    }

    /** Builds a mode's keys once the options are known. */
    @FunctionalInterface
    private interface KeysFactory {
        VerificationKeys create(Builder options);
    }
}
