package io.roomchat.adapter.lambda.local;

import io.roomchat.auth.jwt.JwtTokenIssuer;
import io.roomchat.testkit.DynaliteServer;
import java.time.Duration;
import java.util.UUID;

/** The stand-in on dynalite, with fresh tables per start so that test classes never share state. */
final class LocalStack {
    static final String SECRET = "local-stand-in-test-secret-of-at-least-32-bytes";
    private static final JwtTokenIssuer ISSUER = JwtTokenIssuer.hs256(SECRET);

    private LocalStack() {
    }

    static LocalServerless.Builder on(DynaliteServer dynalite) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return LocalServerless.builder()
                .jwtSecret(SECRET)
                .dynamoDbEndpoint(dynalite.endpoint())
                .tables("connections-" + suffix, "messages-" + suffix);
    }

    static String tokenFor(String userId) {
        return ISSUER.issue(userId, userId, Duration.ofMinutes(30));
    }
}
