package io.roomchat.adapter.jetty.boot;

import io.roomchat.adapter.jetty.DevTokens;
import io.roomchat.auth.jwt.JwtTokenIssuer;
import io.roomchat.auth.jwt.JwtTokenVerifier;
import io.roomchat.core.port.out.TokenVerifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * How tokens are checked: an HS256 secret, keys from a JWKS URL, or dev mode (neither: a random secret, loopback
 * only, and tokens for anyone at {@code POST /dev/token}).
 */
record Authentication(String mode, TokenVerifier verifier, Optional<DevTokens> devTokens) {
    static final Duration DEV_TOKEN_TTL = Duration.ofHours(12);

    static Authentication from(ServerOptions options) {
        try {
            return choose(options);
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            throw new StartupException("token settings: " + invalid.getMessage(), invalid);
        }
    }

    private static Authentication choose(ServerOptions options) {
        if (options.secret().isPresent() && options.jwks().isPresent()) {
            throw new StartupException("set either CHAT_JWT_SECRET or CHAT_JWKS_URL, not both");
        }
        if (options.jwks().isPresent()) {
            JwtTokenVerifier.Builder verifier = JwtTokenVerifier.jwks(options.jwks().get()).allowHttp(options.jwksAllowHttp);
            claims(verifier, options);
            return new Authentication("jwks", verifier.build(), Optional.empty());
        }
        if (options.secret().isPresent()) {
            JwtTokenVerifier.Builder verifier = JwtTokenVerifier.hs256(options.secret().get());
            claims(verifier, options);
            return new Authentication("hs256", verifier.build(), Optional.empty());
        }
        return dev(options);
    }

    private static Authentication dev(ServerOptions options) {
        if (!isLoopback(options.host)) {
            throw new StartupException("dev mode (neither CHAT_JWT_SECRET nor CHAT_JWKS_URL is set) only listens on "
                    + "loopback; refusing host " + options.host + ". Set a secret or a JWKS URL to listen there.");
        }
        String secret = JwtTokenIssuer.randomSecret();
        JwtTokenIssuer issuer = JwtTokenIssuer.hs256(secret);
        DevTokens tokens = (userId, name) -> issuer.issue(userId.value(), name.value(), DEV_TOKEN_TTL);
        return new Authentication("dev", JwtTokenVerifier.hs256(secret).build(), Optional.of(tokens));
    }

    private static void claims(JwtTokenVerifier.Builder verifier, ServerOptions options) {
        if (options.jwtIssuer != null) {
            verifier.issuer(options.jwtIssuer);
        }
        if (options.jwtAudience != null) {
            verifier.audience(options.jwtAudience);
        }
    }

    static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
