package io.roomchat.core.port.in;

import io.roomchat.core.domain.Status;
import java.util.Objects;
import java.util.Optional;

/**
 * The one answer to one client frame: a status, a short human-readable body (empty on success, as the original
 * sent) and, for a post or a history read, what the caller needs next.
 */
public record Reply(Status status, String body, Optional<ReplyPayload> payload) {
    public static final String INTERNAL_ERROR_BODY = "internal error";
    public static final String RATE_LIMITED_BODY = "rate limited: too many frames, slow down";
    public static final String TOKEN_EXPIRED_BODY = "token: expired, connect again with a new token";

    public Reply {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(payload, "payload");
    }

    public static Reply ok() {
        return new Reply(Status.OK, "", Optional.empty());
    }

    public static Reply ok(ReplyPayload payload) {
        return new Reply(Status.OK, "", Optional.of(payload));
    }

    public static Reply rejected(Status status, String reason) {
        if (status == Status.OK) {
            throw new IllegalArgumentException("a rejection cannot be OK");
        }
        return new Reply(status, reason, Optional.empty());
    }

    /** The reply to a frame over its connection's frame rate: a 429 that changed nothing. */
    public static Reply rateLimited() {
        return rejected(Status.TOO_MANY_REQUESTS, RATE_LIMITED_BODY);
    }

    /**
     * The reply to a frame that arrived after its connection's token ran out, where the transport cannot say so
     * with a close code: the frame was not handled and the connection is being closed.
     */
    public static Reply tokenExpired() {
        return rejected(Status.UNAUTHORIZED, TOKEN_EXPIRED_BODY);
    }

    /** The fixed reply to an unexpected failure: its body never carries an exception's text. */
    public static Reply internalError() {
        return new Reply(Status.INTERNAL_ERROR, INTERNAL_ERROR_BODY, Optional.empty());
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
