package io.roomchat.auth.jwt;

/**
 * Thrown inside the verification pipeline when a rule says no; {@link JwtTokenVerifier}
 * turns it into a {@code Refused} result. No stack trace: refusals are routine and may
 * come in floods.
 */
final class TokenRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RefusalReason reason;

    TokenRefused(RefusalReason reason) {
        super(reason.text(), null, false, false);
        this.reason = reason;
    }

    RefusalReason reason() {
        return reason;
    }
}
