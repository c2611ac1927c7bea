package io.roomchat.auth.jwt;

import java.util.List;
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
    private static final List<String> TIME_CLAIMS = List.of("exp", "nbf", "iat");

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
        CanonicalBase64Url.decode(segments[2]); // jjwt would accept other spellings of the same signature
        Map<?, ?> claims = json.decodeSegment(segments[1]);
        requireNumericTimes(claims);
        return new UnverifiedToken(algorithm, stringOrNull(header, "kid"), stringOrNull(claims, "iss"));
    }

    /**
     * jjwt also reads a string as a time ({@code "exp":"9999999999"}, or an ISO date); RFC 7519 says NumericDate,
     * a JSON number. Checked here on the payload jjwt will verify: the signature covers these very bytes.
     */
    private static void requireNumericTimes(Map<?, ?> claims) {
        for (String time : TIME_CLAIMS) {
            if (claims.containsKey(time) && !(claims.get(time) instanceof Number)) {
                throw new TokenRefused(RefusalReason.TIME_CLAIM_NOT_A_NUMBER);
            }
        }
    }

    private static String stringOrNull(Map<?, ?> object, String name) {
        return object.get(name) instanceof String value ? value : null;
    }
}
