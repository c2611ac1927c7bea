package io.roomchat.auth.jwt;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How tokens are to be checked, as every binding reads it: {@code CHAT_JWT_SECRET}, {@code CHAT_JWKS_URL},
 * {@code CHAT_JWKS_ALLOW_HTTP} ({@code true} accepts a plain http JWKS URL, for a test on loopback),
 * {@code CHAT_JWT_ISSUER}, {@code CHAT_JWT_AUDIENCE}, and the names of the access claims, {@code CHAT_ROOMS_CLAIM}
 * (default {@code rooms}) and {@code CHAT_MODERATOR_CLAIM} (default {@code mod}); any string is a name, so
 * namespaced ones such as {@code https://example.com/rooms} work. The secret is kept as given, blank included, so
 * that {@link Authentication} can refuse a secret that was meant to be set (a blank one never means dev mode).
 */
public record TokenSettings(Optional<String> secret, Optional<URI> jwksUrl, boolean jwksAllowHttp,
                            Optional<String> issuer, Optional<String> audience, AccessClaims accessClaims) {
    public TokenSettings {
        Objects.requireNonNull(accessClaims, "accessClaims");
    }

    /** Settings that read the access claims under their default names. */
    public TokenSettings(Optional<String> secret, Optional<URI> jwksUrl, boolean jwksAllowHttp,
                         Optional<String> issuer, Optional<String> audience) {
        this(secret, jwksUrl, jwksAllowHttp, issuer, audience, AccessClaims.DEFAULT);
    }

    /** Reads the seven variables; blank ones other than the secret count as unset (SAM passes empty parameters). */
    public static TokenSettings fromEnvironment(Map<String, String> environment) {
        return new TokenSettings(Optional.ofNullable(environment.get("CHAT_JWT_SECRET")),
                nonBlank(environment, "CHAT_JWKS_URL").map(URI::create),
                nonBlank(environment, "CHAT_JWKS_ALLOW_HTTP").map(TokenSettings::trueOrFalse).orElse(false),
                nonBlank(environment, "CHAT_JWT_ISSUER"),
                nonBlank(environment, "CHAT_JWT_AUDIENCE"),
                new AccessClaims(nonBlank(environment, "CHAT_ROOMS_CLAIM").orElse(AccessClaims.DEFAULT.rooms()),
                        nonBlank(environment, "CHAT_MODERATOR_CLAIM").orElse(AccessClaims.DEFAULT.moderator())));
    }

    /** A non-blank value of {@code name}, trimmed; the one way a setting is read from an environment map. */
    public static Optional<String> nonBlank(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static boolean trueOrFalse(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("CHAT_JWKS_ALLOW_HTTP must be true or false");
    }

    /** The secret when it is usable: set and not blank. */
    public Optional<String> usableSecret() {
        return secret.filter(value -> !value.isBlank());
    }
}
