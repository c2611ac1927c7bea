package io.roomchat.core.domain;

/** The authenticated user, the {@code sub} of a verified token. */
public record UserId(String value) {
    public static final int MAX_LENGTH = 256;

    public UserId {
        Text.requireLength(value, "user id", 1, MAX_LENGTH);
        Text.requireNotBlank(value, "user id");
    }

    @Override
    public String toString() {
        return value;
    }
}
