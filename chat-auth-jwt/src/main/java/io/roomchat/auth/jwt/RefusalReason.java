package io.roomchat.auth.jwt;

/**
 * Every reason a token can be refused for: a fixed vocabulary, so a refusal can never
 * carry any part of the token into a log line.
 */
enum RefusalReason {
    MISSING_TOKEN("missing token"),
    TOO_LONG("token too long"),
    MALFORMED("malformed token"),
    UNSIGNED("unsigned token"),
    ALGORITHM_NOT_ALLOWED("algorithm not allowed"),
    MISSING_KEY_ID("missing key id"),
    UNKNOWN_KEY("unknown key"),
    KEYS_UNAVAILABLE("keys unavailable"),
    KEY_DOES_NOT_MATCH_ALGORITHM("key does not match algorithm"),
    UNUSABLE_KEY("unusable key"),
    BAD_SIGNATURE("bad signature"),
    EXPIRED("expired"),
    NOT_YET_VALID("not yet valid"),
    MISSING_EXPIRY("missing expiry"),
    TIME_CLAIM_NOT_A_NUMBER("time claim not a number"),
    MISSING_SUBJECT("missing subject"),
    INVALID_SUBJECT("invalid subject"),
    MISSING_ISSUER("missing issuer"),
    WRONG_ISSUER("wrong issuer"),
    MISSING_AUDIENCE("missing audience"),
    WRONG_AUDIENCE("wrong audience"),
    MALFORMED_ROOMS_CLAIM("rooms claim not a list of patterns"),
    MALFORMED_MODERATOR_CLAIM("moderator claim not a list of patterns"),
    UNSUPPORTED("unsupported token"),
    INVALID("invalid token");

    private final String text;

    RefusalReason(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }
}
