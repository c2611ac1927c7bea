package io.roomchat.core.domain;

/** The status of a reply, as numbered on the wire. */
public enum Status {
    OK(200),
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    PAYLOAD_TOO_LARGE(413),
    TOO_MANY_REQUESTS(429),
    INTERNAL_ERROR(500);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
