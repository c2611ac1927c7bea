package io.roomchat.adapter.lambda.local;

import io.roomchat.auth.jwt.JwtTokenIssuer;
import io.roomchat.testkit.DynaliteServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Stand-ins for tests: the serverless flavour on dynalite, with fresh tables per start so that test classes never
 * share state, and tokens signed with {@link #SECRET}.
 */
final class StandIns {
    static final String SECRET = "local-stand-in-test-secret-of-at-least-32-bytes";
    private static final JwtTokenIssuer ISSUER = JwtTokenIssuer.hs256(SECRET);

    private StandIns() {
    }

    static LocalServerless.Builder on(DynaliteServer dynalite) {
        return devMode(dynalite).jwtSecret(SECRET);
    }

    /** Neither a secret nor a JWKS URL: dev mode. */
    static LocalServerless.Builder devMode(DynaliteServer dynalite) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return LocalServerless.builder()
                .dynamoDbEndpoint(dynalite.endpoint())
                .tables("connections-" + suffix, "messages-" + suffix);
    }

    /** A token for the server API: {@code scope} such as {@code chat:publish}. */
    static String tokenWithScope(String userId, String scope) {
        return ISSUER.scope(scope).issue(userId, null, Duration.ofMinutes(30));
    }

    static String tokenFor(String userId) {
        return ISSUER.issue(userId, userId, Duration.ofMinutes(30));
    }

    /** As {@link #tokenFor(String)}, with more claims (the access grants). */
    static String tokenFor(String userId, Map<String, ?> claims) {
        return ISSUER.issue(userId, userId, Duration.ofMinutes(30), claims);
    }
}
