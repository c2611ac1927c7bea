package io.roomchat.auth.jwt;

import java.util.Objects;

/**
 * The cache key for a published key. The issuer is part of it so that two issuers that
 * happen to use the same {@code kid} never share a key (docs/protocol.md, Identity).
 *
 * @param issuer the token's {@code iss}, empty when it has none
 */
record IssuerKeyId(String issuer, String keyId) {
    IssuerKeyId {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(keyId, "keyId");
    }
}
