package io.roomchat.auth.jwt;

import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.security.Key;
import java.util.List;

/** Where a verification mode gets its keys from, and which algorithms it accepts. */
interface VerificationKeys {

    /** The only algorithms this mode accepts, whatever a token's header says. */
    List<SecureDigestAlgorithm<?, ?>> algorithms();

    /** The key that must have signed this token; throws {@link TokenRefused} when there is none. */
    Key keyFor(UnverifiedToken token);
}
