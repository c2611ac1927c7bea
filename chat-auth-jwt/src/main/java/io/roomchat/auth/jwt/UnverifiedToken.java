package io.roomchat.auth.jwt;

import java.util.Map;

/**
 * What a token claims about itself before anything is verified: enough to pick the key
 * (algorithm, {@code kid}, {@code iss}) and to refuse the obvious cheaply. Nothing here
 * is trusted; the signed claims are checked again after verification.
 *
 * @param keyId  the header's {@code kid}, null when absent
 * @param issuer the payload's {@code iss}, null when absent
 */
record UnverifiedToken(String algorithm, String keyId, String issuer) {
    /** Far above any real access token; a longer one is refused before any decoding. */
    static final int MAX_LENGTH = 8 * 1024;

    static UnverifiedToken read(String token, JsonObjects json) {
        if (token == null || token.isEmpty()) {
            throw new TokenRefused(RefusalReason.MISSING_TOKEN);
        }
        if (token.length() > MAX_LENGTH) {
            throw new TokenRefused(RefusalReason.TOO_LONG);
        }
        String[] segments = token.split("\\.", -1);
        if (segments.length != 3) { // header.payload.signature; encrypted (5-part) tokens are not accepted
            throw new TokenRefused(RefusalReason.MALFORMED);
        }
        Map<?, ?> header = json.decodeSegment(segments[0]);
        String algorithm = stringOrNull(header, "alg");
        if (algorithm == null || algorithm.isBlank()) {
            throw new TokenRefused(RefusalReason.MALFORMED);
        }
        if ("none".equalsIgnoreCase(algorithm.trim()) || segments[2].isEmpty()) {
            throw new TokenRefused(RefusalReason.UNSIGNED);
        }
        Map<?, ?> claims = json.decodeSegment(segments[1]);
        return new UnverifiedToken(algorithm, stringOrNull(header, "kid"), stringOrNull(claims, "iss"));
    }

    private static String stringOrNull(Map<?, ?> object, String name) {
        return object.get(name) instanceof String value ? value : null;
    }
}
