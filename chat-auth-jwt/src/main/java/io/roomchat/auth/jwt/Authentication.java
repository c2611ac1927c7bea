package io.roomchat.auth.jwt;

import io.roomchat.core.port.out.PublisherVerifier;
import io.roomchat.core.port.out.TokenVerifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * The one way every binding turns {@link TokenSettings} into a token verifier: an HS256 secret, keys from a JWKS
 * URL, or — on a server listening on loopback only, with neither set — dev mode (a random secret and a
 * {@link DevTokenEndpoint}). Settings that cannot work throw {@link IllegalArgumentException} with a message
 * that tells the operator what to change.
 *
 * @param mode {@code hs256}, {@code jwks} or {@code dev}, as {@code /health} reports it
 * @param devTokens present in dev mode only
 */
public record Authentication(String mode, TokenVerifier verifier, Optional<DevTokenEndpoint> devTokens) {
    static final Duration DEV_TOKEN_TTL = Duration.ofHours(12);

    /** A function behind API Gateway: a secret or a JWKS URL is required, there is no dev mode. */
    public static Authentication forFunction(TokenSettings settings) {
        return configured(settings).orElseThrow(() ->
                new IllegalArgumentException("set CHAT_JWT_SECRET or CHAT_JWKS_URL"));
    }

    /** A server listening on {@code host}: without a secret or a JWKS URL, dev mode, on loopback only. */
    public static Authentication forServer(TokenSettings settings, String host) {
        return configured(settings).orElseGet(() -> dev(host, settings.accessClaims()));
    }

    private static Optional<Authentication> configured(TokenSettings settings) {
        if (settings.usableSecret().isPresent() && settings.jwksUrl().isPresent()) {
            throw new IllegalArgumentException("set either CHAT_JWT_SECRET or CHAT_JWKS_URL, not both");
        }
        if (settings.jwksUrl().isPresent()) {
            return Optional.of(new Authentication("jwks",
                    claims(JwtTokenVerifier.jwks(settings.jwksUrl().get()).allowHttp(settings.jwksAllowHttp()),
                            settings), Optional.empty()));
        }
        if (settings.secret().isPresent() && settings.usableSecret().isEmpty()) {
            throw new IllegalArgumentException("CHAT_JWT_SECRET is set but blank: set a random secret of at least "
                    + "32 bytes (or, for dev mode on loopback, leave it unset)");
        }
        return settings.usableSecret().map(secret -> new Authentication("hs256",
                claims(JwtTokenVerifier.hs256(secret), settings), Optional.empty()));
    }

    private static Authentication dev(String host, AccessClaims accessClaims) {
        if (!isLoopback(host)) {
            throw new IllegalArgumentException("dev mode (neither CHAT_JWT_SECRET nor CHAT_JWKS_URL is set) only "
                    + "listens on loopback; refusing host " + host + ". Set a secret or a JWKS URL to listen there.");
        }
        String secret = JwtTokenIssuer.randomSecret();
        return new Authentication("dev", JwtTokenVerifier.hs256(secret).accessClaims(accessClaims).build(),
                Optional.of(new DevTokenEndpoint(JwtTokenIssuer.hs256(secret), DEV_TOKEN_TTL,
                        accessClaims.moderator())));
    }

    private static TokenVerifier claims(JwtTokenVerifier.Builder verifier, TokenSettings settings) {
        settings.issuer().ifPresent(verifier::issuer);
        settings.audience().ifPresent(verifier::audience);
        return verifier.accessClaims(settings.accessClaims()).build();
    }

    /**
     * The server API's check of publish tokens: the same keys, issuer and audience as {@link #verifier()}, and the
     * {@code chat:publish} scope. In dev mode the page's tokens grant no scope, so the server API answers them 403.
     */
    public PublisherVerifier publisherVerifier() {
        return verifier instanceof PublisherVerifier publishers ? publishers : PublisherVerifier.none();
    }

    /** Whether every address {@code host} names is a loopback one. */
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
