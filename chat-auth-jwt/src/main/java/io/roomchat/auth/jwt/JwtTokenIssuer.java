package io.roomchat.auth.jwt;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.roomchat.core.domain.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * Mints HS256 access tokens: for the self-hosted server's dev mode ({@code POST /dev/token})
 * and for tests. Immutable; {@link #issuer}, {@link #audience}, {@link #clock} and {@link #scope} return a copy.
 */
public final class JwtTokenIssuer {
    private static final int RANDOM_SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final String scope;

    private JwtTokenIssuer(SecretKey key, String issuer, String audience, Clock clock, String scope) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.scope = scope;
    }

    /** Signs with the secret's UTF-8 bytes, exactly as {@link JwtTokenVerifier#hs256} verifies; at least 32 bytes. */
    public static JwtTokenIssuer hs256(String secret) {
        return new JwtTokenIssuer(HmacSecret.hs256Key(secret), null, null, Clock.systemUTC(), null);
    }

    /** 256 random bits, Base64URL without padding (43 characters): a dev-mode secret. */
    public static String randomSecret() {
        byte[] bytes = new byte[RANDOM_SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Tokens carry this {@code iss}. */
    public JwtTokenIssuer issuer(String issuer) {
        return new JwtTokenIssuer(key, Objects.requireNonNull(issuer, "issuer"), audience, clock, scope);
    }

    /** Tokens carry this {@code aud}. */
    public JwtTokenIssuer audience(String audience) {
        return new JwtTokenIssuer(key, issuer, Objects.requireNonNull(audience, "audience"), clock, scope);
    }

    /** The clock {@code iat} and {@code exp} are taken from. */
    public JwtTokenIssuer clock(Clock clock) {
        return new JwtTokenIssuer(key, issuer, audience, Objects.requireNonNull(clock, "clock"), scope);
    }

    /** Tokens carry this {@code scope} (space-separated), such as {@code chat:publish} for the server API. */
    public JwtTokenIssuer scope(String scope) {
        return new JwtTokenIssuer(key, issuer, audience, clock, Objects.requireNonNull(scope, "scope"));
    }

    /**
     * A compact JWT with {@code sub}, {@code name} (omitted when null), {@code iat} and {@code exp = iat + ttl}.
     *
     * @throws IllegalArgumentException when {@code userId} is not a valid user id or {@code ttl} is not positive
     */
    public String issue(String userId, String name, Duration ttl) {
        return issue(userId, name, ttl, Map.of());
    }

    /**
     * As {@link #issue(String, String, Duration)}, with more claims ({@code "rooms" -> List.of("team-*")}, say),
     * which never replace the ones above.
     */
    public String issue(String userId, String name, Duration ttl, Map<String, ?> claims) {
        UserId subject = new UserId(userId);
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        Instant now = clock.instant();
        JwtBuilder token = Jwts.builder()
                .claims(Objects.requireNonNull(claims, "claims"))
                .subject(subject.value())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)));
        if (name != null) {
            token.claim("name", name);
        }
        if (scope != null) {
            token.claim(PublishScope.CLAIM, scope);
        }
        if (issuer != null) {
            token.issuer(issuer);
        }
        if (audience != null) {
            token = token.audience().add(audience).and();
        }
        return token.signWith(key, Jwts.SIG.HS256).compact();
    }
}
